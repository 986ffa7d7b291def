package dev.conclave.llm.metrics;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.cache.CacheEventRecord;
import dev.conclave.llm.ratelimit.LimitMode;
import dev.conclave.llm.ratelimit.RateLimiter;
import dev.conclave.llm.ratelimit.RateLimiterStatus;
import dev.conclave.llm.routing.CircuitState;
import dev.conclave.llm.routing.ModelRouter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of model calls (docs/operations.md, "Metrics"), in Prometheus format at {@code /q/metrics} of
 * every service that calls models. Counted from the rows {@link CallRecorder} is handed, so a number here
 * and the {@code model_call} / {@code cache_event} tables tell the same story: attempts by provider, model
 * and outcome; tokens and USD by role and model; the rate limiter's waits by provider and mode; cache events
 * by role (hit ratio: hits over hits and misses). Gauges: calls in flight per role, each called model's
 * circuit state, and the rate limiter's mode.
 *
 * <p>Cheap on the hot path (issue 11): meters are held in maps keyed by their label values and built once
 * each; a row costs a map lookup and an increment per meter, no registry lookup, no database or Redis call.
 * Labels are configuration values only (role, provider, the requested model, outcome, mode, event): never a
 * scan id, a tenant or a text. The limiter's mode asks Redis, so it is read at most every
 * {@link #STATUS_TTL} when scraped, never per call.
 */
@ApplicationScoped
public class LlmMetrics {
    /** How long a scrape reuses the rate limiter's last status (which asks Redis). */
    static final Duration STATUS_TTL = Duration.ofSeconds(5);
    /** Buckets of the rate limiter's wait: the first counts attempts that did not wait at all. */
    private static final Duration[] WAIT_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(100), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(1)};

    private final MeterRegistry registry;
    private final ModelRouter router;
    private final RateLimiter limiter;
    private final ConcurrentMap<ModelRef, ModelMeters> models = new ConcurrentHashMap<>();
    private final ConcurrentMap<Labels, Spend> spend = new ConcurrentHashMap<>();
    private final ConcurrentMap<Labels, Timer> waits = new ConcurrentHashMap<>();
    private final ConcurrentMap<Labels, Counter> cacheEvents = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private volatile TimedStatus status;

    public LlmMetrics(MeterRegistry registry, ModelRouter router, RateLimiter limiter) {
        this.registry = registry;
        this.router = router;
        this.limiter = limiter;
    }

    /** The rate limiter's mode from start, before any call, so a scrape always shows it. */
    void registerModeGauges(@Observes StartupEvent event) {
        for (LimitMode mode : LimitMode.values()) {
            Gauge.builder("conclave.rate.limit.mode", this, metrics -> metrics.limiterStatus().mode() == mode ? 1 : 0)
                    .description("1 for the mode that decides whether this instance's calls start (FLEET: the Redis"
                            + " bucket; LOCAL_SHARE: Redis unreachable, this instance's share; UNLIMITED), else 0")
                    .tag("mode", mode.name()).strongReference(true).register(registry);
        }
        Gauge.builder("conclave.rate.limit.live.instances", this, metrics -> metrics.limiterStatus().liveInstances())
                .description("Instances sharing the fleet's limits as last seen (LOCAL_SHARE: the divisor of each limit)")
                .strongReference(true).register(registry);
    }

    /** A model call of {@code role} starts; closing what this returns ends it (calls in flight per role). */
    public InFlight callStarted(String role) {
        AtomicInteger calls = inFlight.computeIfAbsent(role, key -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("conclave.model.calls.in.flight", count, AtomicInteger::get)
                    .description("Model calls (a role's whole route: cache, attempts, fallbacks) in progress")
                    .tag("role", key).strongReference(true).register(registry);
            return count;
        });
        calls.incrementAndGet();
        return calls::decrementAndGet;
    }

    /** One attempt or cache hit as its {@code model_call} row says, when it is handed to the writer. */
    void attempt(ModelCallRecord row) {
        if (row.cacheHit) {
            return; // not a call; the cache's HIT event counts it
        }
        models.computeIfAbsent(new ModelRef(label(row.provider), label(row.requestedModel)), ModelMeters::new)
                .attempt(label(row.outcome)).increment();
        Spend spent = spend.computeIfAbsent(new Labels(label(row.role), label(row.requestedModel)), Spend::new);
        spent.promptTokens.increment(row.promptTokens);
        spent.completionTokens.increment(row.completionTokens);
        if (row.costUsd != null) {
            spent.usd.increment(row.costUsd.doubleValue());
        }
        if (row.rateLimitMode != null) {
            waits.computeIfAbsent(new Labels(label(row.provider), row.rateLimitMode), key -> Timer
                    .builder("conclave.rate.limit.wait")
                    .description("Time each attempt waited for its permit, by provider and the mode that granted it")
                    .serviceLevelObjectives(WAIT_BUCKETS)
                    .tags("provider", key.first(), "mode", key.second()).register(registry))
                    .record(row.rateLimitWaitMs, TimeUnit.MILLISECONDS);
        }
    }

    /** One cache event (HIT, MISS, STORE, BYPASS) as its {@code cache_event} row says. */
    void cacheEvent(CacheEventRecord row) {
        cacheEvents.computeIfAbsent(new Labels(label(row.role), label(row.event)), key -> Counter
                .builder("conclave.cache.events")
                .description("Response cache events: HIT, MISS (hit ratio = HIT / (HIT + MISS)), STORE, BYPASS")
                .tags("role", key.first(), "event", key.second()).register(registry)).increment();
    }

    /** A label value; a tag may not be null. */
    private static String label(String value) {
        return value == null ? "none" : value;
    }

    private RateLimiterStatus limiterStatus() {
        TimedStatus last = status;
        long now = System.nanoTime();
        if (last == null || now - last.at() > STATUS_TTL.toNanos()) {
            last = new TimedStatus(limiter.status(), now);
            status = last;
        }
        return last.status();
    }

    /** Ends a call counted in flight. */
    @FunctionalInterface
    public interface InFlight extends AutoCloseable {
        @Override
        void close();
    }

    /** Two label values (role and model, provider and mode, role and event). */
    private record Labels(String first, String second) {
    }

    private record TimedStatus(RateLimiterStatus status, long at) {
    }

    /** A called model's attempts by outcome, and its circuit's state as gauges (registered with its first attempt). */
    private final class ModelMeters {
        private final ModelRef model;
        private final ConcurrentMap<String, Counter> outcomes = new ConcurrentHashMap<>();

        ModelMeters(ModelRef model) {
            this.model = model;
            for (CircuitState state : CircuitState.values()) {
                Gauge.builder("conclave.model.circuit.state", router, r -> r.circuit(model).state() == state ? 1 : 0)
                        .description("1 for the state of the model's circuit breaker on this instance, else 0")
                        .tags("provider", model.provider(), "model", model.model(), "state", state.name())
                        .strongReference(true).register(registry);
            }
        }

        Counter attempt(String outcome) {
            return outcomes.computeIfAbsent(outcome, key -> Counter
                    .builder("conclave.model.calls")
                    .description("Attempts at a model, by outcome (SUCCEEDED, RETRIED, FAILED, CANCELLED)")
                    .tags("provider", model.provider(), "model", model.model(), "outcome", key).register(registry));
        }
    }

    /** Tokens and USD spent by one role on one model. */
    private final class Spend {
        final Counter promptTokens;
        final Counter completionTokens;
        final Counter usd;

        Spend(Labels key) {
            promptTokens = tokens(key, "prompt");
            completionTokens = tokens(key, "completion");
            usd = Counter.builder("conclave.model.cost.usd")
                    .description("USD spent on model calls (the provider's figure, else the price table)")
                    .tags("role", key.first(), "model", key.second()).register(registry);
        }

        private Counter tokens(Labels key, String kind) {
            return Counter.builder("conclave.model.tokens")
                    .description("Tokens of model calls, by kind (prompt, completion)")
                    .tags("role", key.first(), "model", key.second(), "kind", kind).register(registry);
        }
    }
}
