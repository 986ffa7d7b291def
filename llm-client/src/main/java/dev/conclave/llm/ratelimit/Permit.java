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
 */
public record Permit(String bucket, long waitedMs, long reservedTokens, LimitMode mode, Instant grantedAt) {
}
