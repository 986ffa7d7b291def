package dev.conclave.llm.ratelimit;

/**
 * Leave to start one call, as {@link RateLimiter#acquire} granted it: what was reserved, how long
 * the caller waited, and whether the fleet-wide bucket or this instance's share decided.
 *
 * @param bucket         the bucket's name, e.g. {@code openrouter/meta-llama/llama-3.3-70b-instruct}
 * @param reservedTokens tokens reserved against the token limit, settled later with {@link RateLimiter#settle}
 */
public record Permit(String bucket, long waitedMs, long reservedTokens, LimitMode mode) {
}
