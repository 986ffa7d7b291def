package dev.conclave.llm.ratelimit;

import java.time.Instant;

/**
 * Leave to start one call, as {@link RateLimiter#acquire} granted it: what was reserved, how long
 * the caller waited, and whether the fleet-wide bucket or this instance's share decided.
 *
 * @param bucket         the bucket's name, e.g. {@code openrouter/meta-llama/llama-3.3-70b-instruct}, or
 *                       {@code openrouter/key-3fa4c1e09b2d} with {@code limits.scope=key} (a SHA-256 prefix, never the key)
 * @param waitedMs       time spent in {@link RateLimiter#acquire}, for the call's metrics row
 * @param reservedTokens tokens reserved against the token limit (0 when the provider has none),
 *                       settled later with {@link RateLimiter#settle}
 * @param mode           who decided: the fleet's bucket, this instance's share, or no limit at all
 * @param grantedAt      when it was granted, by the granter's clock: Redis' for the fleet bucket (the one
 *                       clock every instance shares, so grants of the whole fleet can be compared), this
 *                       instance's otherwise
 * @param replayShare    for a replay job's call, the permit its own bucket granted before the fleet's; null otherwise
 */
public record Permit(String bucket, long waitedMs, long reservedTokens, LimitMode mode, Instant grantedAt,
        Permit replayShare) {

    public Permit(String bucket, long waitedMs, long reservedTokens, LimitMode mode, Instant grantedAt) {
        this(bucket, waitedMs, reservedTokens, mode, grantedAt, null);
    }

    /** This fleet permit, taken after {@code share}: the wait is both waits. */
    Permit withReplayShare(Permit share) {
        return new Permit(bucket, share.waitedMs() + waitedMs, reservedTokens, mode, grantedAt, share);
    }

    /**
     * What the call's metrics row says in {@code rate_limit_mode}: the fleet bucket's mode, and for a
     * replay's call {@code +REPLAY_SHARE} (e.g. {@code FLEET+REPLAY_SHARE}), since its own bucket decided too.
     */
    public String recordedMode() {
        return replayShare == null ? mode.name() : mode.name() + "+REPLAY_SHARE";
    }
}
