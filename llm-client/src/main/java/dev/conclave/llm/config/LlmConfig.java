package dev.conclave.llm.config;

import dev.conclave.delivery.RetryPolicy;
import dev.conclave.llm.openai.CallFailure;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Models, providers, limits, prices, retries, routing and the cache: configuration, not code
 *. {@link LlmConfigValidator} checks it at start-up and refuses to start with a
 * message naming the setting to fix.
 */
@ConfigMapping(prefix = "conclave.llm")
public interface LlmConfig {

    /** The chain used by a role that has none of its own. */
    @WithDefault("offline/conclave-offline-1")
    List<String> defaultChain();

    /**
     * When no provider named in any chain has an API key, every role uses {@link #defaultChain()}'s
     * offline models instead, and every result says so. False: refuse to start instead.
     */
    @WithDefault("true")
    boolean offlineWithoutKeys();

    /**
     * Per role: its chain of models, primary first. An entry is {@code provider/model}, or several
     * separated by {@code |}: interchangeable models, tried cheapest first by the price table.
     */
    Map<String, RoleConfig> roles();

    /** Per provider: how to reach it and its fleet-wide limits. */
    Map<String, ProviderConfig> providers();

    /**
     * Prices in USD per million tokens, keyed by {@code provider/model}; used when a provider
     * reports no cost of its own, and to choose among interchangeable models.
     */
    Map<String, Price> prices();

    Retry retry();

    Routing routing();

    Cache cache();

    Offline offline();

    Progress progress();

    /** Name of this instance in metrics rows; defaults to host name and process id. */
    Optional<String> instance();

    interface RoleConfig {
        Optional<List<String>> chain();

        @WithDefault("v1")
        String promptVersion();

        /** Tokens the rendered prompt may take; the digest is cut to fit. */
        @WithDefault("12000")
        int promptTokenBudget();

        /** {@code max_tokens} of the answer. */
        @WithDefault("4000")
        int maxTokens();

        @WithDefault("0.2")
        double temperature();
    }

    interface ProviderConfig {
        /** {@code openai} (any OpenAI-compatible chat-completions endpoint) or {@code offline}. */
        @WithDefault("openai")
        String kind();

        /** e.g. {@code https://openrouter.ai/api/v1}; {@code /chat/completions} and {@code /models} are appended. */
        Optional<URI> baseUrl();

        /** Never logged, stored or put into a result. */
        Optional<String> apiKey();

        /** Where the key is set, so messages can say what to fix, e.g. {@code OPENROUTER_API_KEY}. */
        Optional<String> apiKeyEnv();

        /** False for local servers (vLLM, Ollama, LM Studio) that take no key. */
        @WithDefault("true")
        boolean requiresKey();

        /** Extra headers on every request, e.g. OpenRouter's {@code HTTP-Referer} and {@code X-Title}. */
        Map<String, String> headers();

        /** Per request. */
        @WithDefault("120s")
        Duration timeout();

        /** Whether the provider enforces {@code response_format: json_schema}; otherwise JSON is extracted from text. */
        @WithDefault("true")
        boolean jsonSchema();

        /** Sends OpenRouter's {@code usage: {include: true}} so answers carry their cost. */
        @WithDefault("false")
        boolean includeUsage();

        Limits limits();
    }

    /** Fleet-wide limits of one provider, per bucket (see {@link #scope()}). 0 means no such limit. */
    interface Limits {
        /** Requests that may start per {@link #period()}. */
        @WithDefault("20")
        int requests();

        /** Prompt plus completion tokens per {@link #period()}; 0 for none. */
        @WithDefault("0")
        long tokens();

        @WithDefault("1m")
        Duration period();

        /** Requests that may start at once above the steady rate. */
        @WithDefault("1")
        int burst();

        /** Attempts per UTC day, failed ones included (OpenRouter's free tier); 0 for none. */
        @WithName("requests-per-day")
        @WithDefault("0")
        int requestsPerDay();

        /** {@code model}: one bucket per provider and model; {@code key}: one per provider and API key. */
        @WithDefault("model")
        String scope();

        /**
         * How long one take may wait for Redis before this instance gives up on it and falls back to
         * its share of the limit. A take is one round trip (~1 ms), so a second means Redis is gone;
         * the Redis client's own {@code quarkus.redis.timeout} (10 s) would stall every call.
         */
        @WithName("redis-timeout")
        @WithDefault("1s")
        Duration redisTimeout();

        /**
         * Instances assumed to share the limit when Redis has been unreachable since this instance
         * started, so it never saw the fleet: its share is the limit divided by this.
         */
        @WithName("assumed-instances")
        @WithDefault("2")
        int assumedInstances();
    }

    interface Price {
        /** USD per million prompt tokens. */
        BigDecimal prompt();

        /** USD per million completion tokens. */
        BigDecimal completion();
    }

    interface Retry {
        /** Attempts at one model before moving to the next. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("1s")
        Duration backoffBase();

        @WithDefault("30s")
        Duration backoffCap();

        /** All attempts at one model together. */
        @WithDefault("5m")
        Duration deadline();

        /** These settings as the policy of one model's attempts: full jitter, only {@code RETRYABLE} failures. */
        default RetryPolicy policy() {
            return new RetryPolicy(maxAttempts(), backoffBase(), backoffCap(), RetryPolicy.Jitter.FULL, deadline(),
                    CallFailure::retry);
        }
    }

    interface Routing {
        /** Consecutive failures that open a model's circuit. */
        @WithDefault("3")
        int failureThreshold();

        /** How long an open circuit stays open before one trial call may go through. */
        @WithDefault("60s")
        Duration openFor();

        /** How often models with an open circuit are probed (a models listing: no tokens spent). */
        @WithDefault("60s")
        Duration probeInterval();

        /** How long one probe (connect and answer) may take; a provider that answers slower stays open. */
        @WithDefault("5s")
        Duration probeTimeout();
    }

    interface Cache {
        /** False: no lookups, no stores and no {@code cache_event} rows; every call goes to a model. */
        @WithDefault("true")
        boolean enabled();

        /** How long an answer stays in Redis after it was stored. */
        @WithDefault("168h")
        Duration ttl();

        /**
         * The Quarkus Redis client holding the cache ({@code quarkus.redis.<name>.*}). The default,
         * {@code cache}, is a client of its own (its own connections, so a busy cache never queues the
         * rate limiter's commands) on the same Redis as every other client unless
         * {@code quarkus.redis.cache.hosts} points it at a Redis of its own.
         */
        @WithDefault("cache")
        String redisClient();

        /**
         * In a Redis that evicts nothing ({@code maxmemory-policy noeviction}), stop storing once it
         * uses this share of its {@code maxmemory}, so the rate-limit buckets beside the cache can
         * always still be written. Ignored by a Redis that evicts or has no limit.
         */
        @WithDefault("0.75")
        double maxMemoryShare();
    }

    interface Progress {
        /** False sends no progress events: followers of a scan then see only its polled status. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Offline {
        /** Simulated latency of each offline answer. */
        @WithDefault("200ms")
        Duration latency();
    }
}
