package dev.conclave.llm.ratelimit;

import dev.conclave.llm.redis.RedisConnections;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The buckets as Redis holds them, shared by every instance. Each operation is one Lua script, so
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

    /**
     * Returns {outcome, wait ms, attempts used today, live instances, Redis' time in µs}; outcome 1 granted, 0 wait for
     * permits or tokens, 3 paused, 2 daily quota spent (wait = ms until the next UTC day). A refusal
     * stores nothing: refill is linear, so the next take computes the same level from the old state.
     */
    private static final RedisScript TAKE = RedisScript.of("take", """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local now_ms = math.floor(now / 1000)
            redis.call('ZADD', KEYS[3], now_ms, ARGV[7])
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now_ms - tonumber(ARGV[8]))
            redis.call('PEXPIRE', KEYS[3], 86400000)
            local live = redis.call('ZCARD', KEYS[3])
            local per_day = tonumber(ARGV[6])
            local day = math.floor(tonumber(t[1]) / 86400)
            local used = 0
            if per_day > 0 then
              local q = redis.call('HMGET', KEYS[2], 'day', 'used')
              if tonumber(q[1]) == day then used = tonumber(q[2]) or 0 end
              if used >= per_day then return {2, (day + 1) * 86400000 - now_ms, used, live} end
            end
            local s = redis.call('HMGET', KEYS[1], 'req', 'tok', 'at', 'paused')
            local paused = tonumber(s[4]) or 0
            if now < paused then return {3, math.ceil((paused - now) / 1000), used, live} end
            local req_cap, req_rate = tonumber(ARGV[1]), tonumber(ARGV[2])
            local tok_cap, tok_rate, need = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
            local elapsed = math.max(0, now - (tonumber(s[3]) or now))
            local req = math.min(req_cap, (tonumber(s[1]) or req_cap) + elapsed * req_rate)
            local tok = 0
            if tok_cap > 0 then tok = math.min(tok_cap, (tonumber(s[2]) or tok_cap) + elapsed * tok_rate) end
            local wait = 0
            if req < 1 then wait = (1 - req) / req_rate end
            if tok_cap > 0 and tok < need then wait = math.max(wait, (need - tok) / tok_rate) end
            if wait > 0 then return {0, math.max(1, math.ceil(wait / 1000)), used, live} end
            redis.call('HSET', KEYS[1], 'req', string.format('%.17g', req - 1), 'tok', string.format('%.17g', tok - need),
              'at', string.format('%.0f', now))
            local ttl = tonumber(ARGV[9])
            if paused > now then ttl = ttl + math.ceil((paused - now) / 1000) end
            redis.call('PEXPIRE', KEYS[1], ttl)
            if per_day > 0 then
              redis.call('HSET', KEYS[2], 'day', day, 'used', used + 1)
              redis.call('PEXPIRE', KEYS[2], 172800000)
            end
            return {1, 0, used + 1, live, now}
            """);

    /** Refills, then moves the token level by (reserved - actual): a refund, or debt the next takes wait out. */
    private static final RedisScript SETTLE = RedisScript.of("settle", """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local s = redis.call('HMGET', KEYS[1], 'req', 'tok', 'at')
            local req_cap, req_rate = tonumber(ARGV[1]), tonumber(ARGV[2])
            local tok_cap, tok_rate = tonumber(ARGV[3]), tonumber(ARGV[4])
            local elapsed = math.max(0, now - (tonumber(s[3]) or now))
            local req = math.min(req_cap, (tonumber(s[1]) or req_cap) + elapsed * req_rate)
            local tok = math.min(tok_cap, (tonumber(s[2]) or tok_cap) + elapsed * tok_rate)
            tok = math.min(tok_cap, tok - tonumber(ARGV[5]))
            redis.call('HSET', KEYS[1], 'req', string.format('%.17g', req), 'tok', string.format('%.17g', tok),
              'at', string.format('%.0f', now))
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[6]) then redis.call('PEXPIRE', KEYS[1], ARGV[6]) end
            return math.floor(tok)
            """);

    /** Moves the bucket's pause end to now + wait unless it already lies later; returns the ms left. */
    private static final RedisScript PAUSE = RedisScript.of("pause", """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local paused = math.max(tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0, now + tonumber(ARGV[1]) * 1000)
            redis.call('HSET', KEYS[1], 'paused', string.format('%.0f', paused))
            local keep = math.ceil((paused - now) / 1000) + tonumber(ARGV[2])
            if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
            return math.ceil((paused - now) / 1000)
            """);

    /** For health: the live instances, read without announcing this one (a health probe is no work). */
    private static final RedisScript LIVE = RedisScript.of("live", """
            local t = redis.call('TIME')
            local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            return redis.call('ZCOUNT', KEYS[1], now_ms - tonumber(ARGV[1]), '+inf')
            """);

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
        Response r = run(TAKE, spec.redisTimeout(), List.of(BUCKET_PREFIX + spec.name(), DAY_PREFIX + spec.quotaScope(), INSTANCES),
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
        run(SETTLE, spec.redisTimeout(), List.of(BUCKET_PREFIX + spec.name()),
                List.of(number(spec.requestCapacity()), number(spec.requestsPerMicro()), Long.toString(spec.tokens()),
                        number(spec.tokensPerMicro()), Long.toString(-reservedMinusActual), Long.toString(spec.idleTtlMs())));
    }

    /** @return milliseconds the bucket stays paused, which may be longer than asked if another pause lies later */
    long pause(BucketSpec spec, Duration wait) throws InterruptedException {
        return run(PAUSE, spec.redisTimeout(), List.of(BUCKET_PREFIX + spec.name()),
                List.of(Long.toString(Math.max(0, wait.toMillis())), Long.toString(spec.idleTtlMs()))).toLong();
    }

    int liveInstances(Duration timeout) throws InterruptedException {
        return run(LIVE, timeout, List.of(INSTANCES), List.of(Long.toString(LIVE_FOR.toMillis()))).toInteger();
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
