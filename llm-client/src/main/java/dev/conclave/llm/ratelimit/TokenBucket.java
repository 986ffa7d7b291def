package dev.conclave.llm.ratelimit;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket shared by the whole fleet, kept in one Redis hash per bucket and updated by one
 * Lua script, so a take is atomic across every worker instance. Refill is continuous (tokens per
 * millisecond from Redis' own clock), so there are no fixed-window bursts: at most
 * {@code capacity} calls start above the steady rate in any window.
 */
@ApplicationScoped
public class TokenBucket {
    // Returns 0 when a token was taken, else the milliseconds until one will be available.
    private static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local capacity = tonumber(ARGV[1])
            local per_ms = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) / per_ms)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_ms) + 60000)
            return wait
            """;

    private final RedisDataSource redis;

    public TokenBucket(RedisDataSource redis) {
        this.redis = redis;
    }

    /**
     * Takes one token or says how long to wait for one.
     *
     * @return 0 when taken, else milliseconds to wait before trying again
     */
    public long tryTake(String bucket, int perMinute, int capacity) {
        double perMs = perMinute / 60_000.0;
        Response waitMs = redis.execute("EVAL", TAKE, "1", "conclave:bucket:" + bucket,
                Integer.toString(Math.max(1, capacity)), Double.toString(perMs));
        return waitMs.toLong();
    }
}
