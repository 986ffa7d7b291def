package dev.conclave.gateway.limits;

import dev.conclave.buckets.FleetBucketScripts;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Submissions per API key per minute, across every gateway instance: one token bucket per key in
 * Redis ({@code conclave:submissions:bucket:<key id>}), taken with the same Lua script the workers'
 * model-call buckets use ({@link FleetBucketScripts#TAKE}), with no token or daily limit.
 *
 * <p>When Redis cannot be asked, the submission goes through (fail-open): accepting a scan needs only
 * PostgreSQL and Kafka, and what a scan costs is bounded downstream by the workers' own rate limits and
 * budgets, while the per-instance and per-key upload limits still hold. One warning per outage says the
 * rate is not enforced.
 */
@ApplicationScoped
public class SubmissionBucket {
    private static final Logger LOG = Logger.getLogger(SubmissionBucket.class);
    static final String PREFIX = "conclave:submissions:";

    private final ReactiveRedisDataSource redis;
    private final int perMinute;
    private final int burst;
    private final Duration redisTimeout;
    private final AtomicBoolean outage = new AtomicBoolean();

    @Inject
    public SubmissionBucket(ReactiveRedisDataSource redis, LimitsConfig limits) {
        this(redis, limits.submissionsPerMinute(), limits.submissionBurst(), limits.redisTimeout());
    }

    /** A bucket of {@code burst} submissions per key, refilled at {@code perMinute}: what a gateway instance holds. */
    SubmissionBucket(ReactiveRedisDataSource redis, int perMinute, int burst, Duration redisTimeout) {
        this.redis = redis;
        this.perMinute = perMinute;
        this.burst = burst;
        this.redisTimeout = redisTimeout;
    }

    /** Takes one submission for {@code key}, or refuses it with how long until the next is allowed. */
    public void take(UUID key) {
        Response verdict;
        try {
            verdict = FleetBucketScripts.TAKE.run(redis, redisTimeout, keys(key), arguments());
        } catch (RuntimeException e) {
            if (outage.compareAndSet(false, true)) {
                LOG.warnf("submissions per key are not rate limited while Redis cannot be asked (%s); "
                        + "the upload limits still hold", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            return;
        }
        if (outage.compareAndSet(true, false)) {
            LOG.info("Redis answers again: submissions per key are rate limited again");
        }
        if (verdict.get(0).toInteger() != 1) {
            long waitMs = verdict.get(1).toLong();
            throw new LimitExceededException(("this API key has used up its submissions for now: the limit is "
                    + "conclave.limits.submissions-per-minute=%d, at most conclave.limits.submission-burst=%d in a row; "
                    + "the next is allowed in %d ms").formatted(perMinute, burst, waitMs), (waitMs + 999) / 1000);
        }
    }

    private static List<String> keys(UUID key) {
        return List.of(PREFIX + "bucket:" + key, PREFIX + "day:" + key, PREFIX + "instances");
    }

    /** The take script's arguments: {@code burst} permits, refilled at the per-minute rate; no tokens, no daily quota. */
    private List<String> arguments() {
        Duration minute = Duration.ofMinutes(1);
        double perMicro = perMinute / (double) (minute.toNanos() / 1_000);
        long idleTtlMs = minute.multipliedBy(burst).toMillis() / perMinute + 60_000;
        return List.of(Integer.toString(burst), Double.toString(perMicro), "0", "0", "0", "0",
                "gateway", Long.toString(minute.toMillis()), Long.toString(idleTtlMs));
    }
}
