package dev.conclave.llm.ratelimit;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The limits of one bucket, resolved from a provider's {@code limits.*} settings into the numbers
 * the Redis scripts and the local share work with.
 *
 * <p>The request bucket holds {@code burst + 1} permits minus a small jitter margin, refilled
 * continuously at {@code requests / period}. A token bucket of capacity {@code C} and rate {@code r}
 * lets at most {@code C + r·T - 1} calls start in any half-open window of length {@code T}, which is
 * {@code requests + burst} for a window of one period. The margin ({@link #START_JITTER} worth of
 * refill, never more than {@code burst}) keeps that bound true as seen by the provider or a test's
 * clock, which observe a start a few milliseconds after Redis granted it.
 *
 * @param name       the bucket: {@code provider/model}, or {@code provider/key-<sha256 prefix>} when
 *                   {@code limits.scope=key}
 * @param quotaScope what the daily quota counts: the provider, or the provider and key
 * @param setting    the settings prefix, for messages that say what to change
 */
record BucketSpec(String name, String quotaScope, String setting, int requests, Duration period, int burst,
        long tokens, int requestsPerDay, Duration redisTimeout, int assumedInstances) {

    /** How late after the grant a call's start may be observed without breaking the window bound. */
    static final Duration START_JITTER = Duration.ofMillis(100);

    /** What an unconfigured provider gets: {@link LlmConfig.Limits}' defaults. */
    static BucketSpec withDefaults(ModelRef model) {
        return new BucketSpec(model.toString(), model.provider(), "conclave.llm.providers." + model.provider() + ".limits",
                20, Duration.ofMinutes(1), 1, 0, 0, Duration.ofSeconds(1), 2);
    }

    static BucketSpec of(ModelRef model, LlmConfig.ProviderConfig provider) {
        LlmConfig.Limits limits = provider.limits();
        String setting = "conclave.llm.providers." + model.provider() + ".limits";
        if (limits.period().isZero() || limits.period().isNegative()) {
            throw new IllegalArgumentException(setting + ".period is " + limits.period() + "; it must be positive, e.g. 1m");
        }
        String quotaScope = switch (limits.scope()) {
            case "model" -> model.provider();
            case "key" -> model.provider() + "/key-" + provider.apiKey().map(BucketSpec::fingerprint).orElse("none");
            default -> throw new IllegalArgumentException(setting + ".scope is '" + limits.scope()
                    + "'; use 'model' (a bucket per model) or 'key' (a bucket per API key)");
        };
        String name = limits.scope().equals("key") ? quotaScope : model.toString();
        return new BucketSpec(name, quotaScope, setting, limits.requests(), limits.period(), Math.max(0, limits.burst()),
                Math.max(0, limits.tokens()), Math.max(0, limits.requestsPerDay()), limits.redisTimeout(),
                Math.max(1, limits.assumedInstances()));
    }

    /**
     * A replay job's bucket beside this one: the same requests and tokens per period over a period
     * stretched by {@code 1 / share}, so it refills at {@code share} of the rate, and {@code share} of
     * the burst. No daily quota of its own: every call still counts on the provider's through the fleet
     * bucket. Its Redis key ends {@code :replay:<job>} and expires once the job is idle long enough.
     */
    BucketSpec replayShare(UUID jobId, double share) {
        Duration stretched = Duration.ofNanos(Math.max(1, Math.round(period.toNanos() / share)));
        return new BucketSpec(name + ":replay:" + jobId, quotaScope, setting, requests, stretched,
                (int) Math.floor(burst * share), tokens, 0, redisTimeout, assumedInstances);
    }

    boolean unlimited() {
        return requests <= 0;
    }

    boolean limitsTokens() {
        return tokens > 0;
    }

    double requestsPerMicro() {
        return requests / (double) micros(period);
    }

    double requestCapacity() {
        double margin = Math.min(burst, requestsPerMicro() * micros(START_JITTER));
        return burst + 1 - margin;
    }

    double tokensPerMicro() {
        return tokens / (double) micros(period);
    }

    /**
     * Tokens a call may reserve: the estimate, but never more than the bucket holds, so a prompt
     * larger than a whole period's tokens still goes through once the bucket is full (the provider
     * decides) instead of waiting forever. Settling puts the rest on the bucket as debt.
     */
    long reservable(long estimatedTokens) {
        return limitsTokens() ? Math.max(0, Math.min(estimatedTokens, tokens)) : 0;
    }

    /** How long Redis keeps an untouched bucket: a full refill plus a minute, after which it is full anyway. */
    long idleTtlMs() {
        return period.multipliedBy(burst + 1).toMillis() + 60_000;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    /** A short SHA-256 of the API key: names the bucket without putting the key into Redis or logs. */
    static String fingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
