package dev.conclave.llm.ratelimit;

import dev.conclave.buckets.FleetBucketScripts;
import dev.conclave.buckets.RedisScript;
import dev.conclave.llm.redis.RedisConnections;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The buckets as Redis holds them, shared by every instance. Each operation is one Lua script
 * ({@link FleetBucketScripts}, module redis-buckets, which the gateway's submission limit runs too), so
 * it is atomic across the fleet, and each reads Redis' own clock ({@code TIME}), so instances with
 * skewed clocks still agree on when a bucket refills or a pause ends.
 *
 * <p>Keys (a standalone Redis; the scripts touch several keys and are not cluster-slot aware):
 * <ul>
 * <li>{@code conclave:ratelimit:bucket:<bucket>}: hash {@code req} (request permits left),
 *     {@code tok} (tokens left, negative after an underestimate), {@code at} (µs of the last update),
 *     {@code paused} (µs until which no call starts); expires once idle long enough to be full again.</li>
 * <li>{@code conclave:ratelimit:day:<provider or provider/key>}: hash {@code day} (UTC day number),
 *     {@code used} (attempts that day).</li>
 * <li>{@code conclave:ratelimit:instances}: sorted set of instance name by the ms it last took a
 *     permit; its size is the fleet each instance divides the limit by when Redis is gone.</li>
 * </ul>
 */
final class FleetBuckets {
    static final String BUCKET_PREFIX = "conclave:ratelimit:bucket:";
    static final String DAY_PREFIX = "conclave:ratelimit:day:";
    static final String INSTANCES = "conclave:ratelimit:instances";
    /** An instance that took no permit for this long is not counted in the fleet (it has no work). */
    static final Duration LIVE_FOR = Duration.ofMinutes(1);

    private final ReactiveRedisDataSource redis;
    private final RedisConnections connections;
    /** True once this instance has seen Redis fail: a caller waiting for a connection then stops waiting. */
    private final BooleanSupplier outageSeen;

    /**
     * @param connections the rate-limit client's connections: callers beyond its pool wait for one,
     *                    for as long as it takes, unless {@code outageSeen} becomes true meanwhile
     */
    FleetBuckets(ReactiveRedisDataSource redis, RedisConnections connections, BooleanSupplier outageSeen) {
        this.redis = redis;
        this.connections = connections;
        this.outageSeen = outageSeen;
    }

    /** What the take script decided. */
    /** @param grantedAtMicros Redis' clock when it granted (µs since the epoch), 0 when it did not */
    record Verdict(Outcome outcome, long waitMs, long usedToday, int liveInstances, long grantedAtMicros) {
    }

    enum Outcome { GRANTED, WAIT, PAUSED, DAILY_QUOTA_SPENT }

    Verdict take(BucketSpec spec, long tokens, String instance) throws InterruptedException {
        Response r = run(FleetBucketScripts.TAKE, spec.redisTimeout(), List.of(BUCKET_PREFIX + spec.name(), DAY_PREFIX + spec.quotaScope(), INSTANCES),
                List.of(number(spec.requestCapacity()), number(spec.requestsPerMicro()), Long.toString(spec.tokens()),
                        number(spec.tokensPerMicro()), Long.toString(tokens), Integer.toString(spec.requestsPerDay()),
                        instance, Long.toString(LIVE_FOR.toMillis()), Long.toString(spec.idleTtlMs())));
        Outcome outcome = switch (r.get(0).toInteger()) {
            case 1 -> Outcome.GRANTED;
            case 2 -> Outcome.DAILY_QUOTA_SPENT;
            case 3 -> Outcome.PAUSED;
            default -> Outcome.WAIT;
        };
        long grantedAt = outcome == Outcome.GRANTED && r.size() > 4 ? r.get(4).toLong() : 0;
        return new Verdict(outcome, r.get(1).toLong(), r.get(2).toLong(), r.get(3).toInteger(), grantedAt);
    }

    void settle(BucketSpec spec, long reservedMinusActual) throws InterruptedException {
        run(FleetBucketScripts.SETTLE, spec.redisTimeout(), List.of(BUCKET_PREFIX + spec.name()),
                List.of(number(spec.requestCapacity()), number(spec.requestsPerMicro()), Long.toString(spec.tokens()),
                        number(spec.tokensPerMicro()), Long.toString(-reservedMinusActual), Long.toString(spec.idleTtlMs())));
    }

    /** @return milliseconds the bucket stays paused, which may be longer than asked if another pause lies later */
    long pause(BucketSpec spec, Duration wait) throws InterruptedException {
        return run(FleetBucketScripts.PAUSE, spec.redisTimeout(), List.of(BUCKET_PREFIX + spec.name()),
                List.of(Long.toString(Math.max(0, wait.toMillis())), Long.toString(spec.idleTtlMs()))).toLong();
    }

    int liveInstances(Duration timeout) throws InterruptedException {
        return run(FleetBucketScripts.LIVE, timeout, List.of(INSTANCES), List.of(Long.toString(LIVE_FOR.toMillis()))).toInteger();
    }

    /**
     * Runs a script. Waiting for a connection of the client is backpressure: it lasts until one is
     * free, however busy this instance is, and ends early only when another call has meanwhile seen
     * Redis fail (then this caller goes to the local share too, without a wait of its own). Once
     * started, the script must answer within {@code timeout}; a script that does not, or a refused or
     * reset connection, is an outage.
     */
    private Response run(RedisScript script, Duration timeout, List<String> keys, List<String> args)
            throws InterruptedException {
        try {
            return connections.call(outageSeen, () -> script.run(redis, timeout, keys, args));
        } catch (RedisConnections.RedisBusy e) {
            throw new RedisUnreachable("Redis became unreachable while this call waited for a connection", e);
        } catch (RuntimeException e) {
            throw new RedisUnreachable(describe(script, timeout, e), e);
        }
    }

    private static String describe(RedisScript script, Duration timeout, RuntimeException e) {
        if (e instanceof io.smallrye.mutiny.TimeoutException) {
            return "the " + script.name() + " script got no answer from Redis within " + timeout.toMillis() + " ms";
        }
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "running the " + script.name() + " script in Redis failed: " + cause;
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    /** Redis could not be asked; the caller falls back to its local share. */
    static final class RedisUnreachable extends RuntimeException {
        RedisUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
