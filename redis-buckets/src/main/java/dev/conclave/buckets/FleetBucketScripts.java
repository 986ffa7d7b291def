package dev.conclave.buckets;

/**
 * The token bucket every instance shares, as Lua scripts run atomically in Redis. Each reads Redis'
 * own clock ({@code TIME}), so instances with skewed clocks agree on when a bucket refills or a
 * pause ends. The keys and limits are arguments, so one set of scripts serves the model-call buckets
 * of llm-client ({@code conclave:ratelimit:*}) and the gateway's submissions per API key
 * ({@code conclave:submissions:*}) without either knowing the other's configuration.
 *
 * <p>{@link #TAKE}: KEYS bucket hash ({@code req}, {@code tok}, {@code at}, {@code paused}), daily
 * count hash ({@code day}, {@code used}), instances sorted set; ARGV request capacity, requests per
 * µs, token capacity (0: no token limit), tokens per µs, tokens needed, requests per day (0: none),
 * instance name, ms an instance stays live, ms an idle bucket is kept.
 */
public final class FleetBucketScripts {

    /**
     * Returns {outcome, wait ms, attempts used today, live instances, Redis' time in µs}; outcome 1 granted, 0 wait for
     * permits or tokens, 3 paused, 2 daily quota spent (wait = ms until the next UTC day). A refusal
     * stores nothing: refill is linear, so the next take computes the same level from the old state.
     */
    public static final RedisScript TAKE = RedisScript.of("take", """
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
    public static final RedisScript SETTLE = RedisScript.of("settle", """
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
    public static final RedisScript PAUSE = RedisScript.of("pause", """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local paused = math.max(tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0, now + tonumber(ARGV[1]) * 1000)
            redis.call('HSET', KEYS[1], 'paused', string.format('%.0f', paused))
            local keep = math.ceil((paused - now) / 1000) + tonumber(ARGV[2])
            if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
            return math.ceil((paused - now) / 1000)
            """);

    /** For health: the live instances, read without announcing this one (a health probe is no work). */
    public static final RedisScript LIVE = RedisScript.of("live", """
            local t = redis.call('TIME')
            local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            return redis.call('ZCOUNT', KEYS[1], now_ms - tonumber(ARGV[1]), '+inf')
            """);

    private FleetBucketScripts() {
    }
}
