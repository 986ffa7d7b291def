package dev.conclave.llm.ratelimit;

import java.time.Instant;

/**
 * Which limit decides whether this instance's calls start, as {@link RateLimiter#status()} found it.
 *
 * @param liveInstances the fleet as last seen in Redis (in local-share mode: the divisor of each limit)
 * @param assumed       local share only: the fleet was never seen, the divisor is {@code limits.assumed-instances}
 * @param since         local share only: when Redis stopped answering
 * @param cause         local share only: what went wrong with Redis
 */
public record RateLimiterStatus(LimitMode mode, int liveInstances, boolean assumed, Instant since, String cause) {

    static RateLimiterStatus unlimited() {
        return new RateLimiterStatus(LimitMode.UNLIMITED, 0, false, null, null);
    }

    static RateLimiterStatus fleet(int liveInstances) {
        return new RateLimiterStatus(LimitMode.FLEET, liveInstances, false, null, null);
    }

    static RateLimiterStatus localShare(int instances, boolean assumed, Instant since, String cause) {
        return new RateLimiterStatus(LimitMode.LOCAL_SHARE, instances, assumed, since, cause);
    }

    /** This instance's fraction of each limit: 1 in fleet mode (the bucket itself is shared). */
    public double share() {
        return mode == LimitMode.LOCAL_SHARE ? 1.0 / Math.max(1, liveInstances) : 1.0;
    }
}
