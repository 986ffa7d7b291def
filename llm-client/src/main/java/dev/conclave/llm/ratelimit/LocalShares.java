package dev.conclave.llm.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What decides while Redis is unreachable: each bucket's explicit share of its limit on this instance
 * ({@link TokenBucket}, the limit ÷ the live instances last seen in Redis, or {@code limits.assumed-instances}
 * if it never was), never unlimited. The shares belong to the outage ({@link RedisReachability.Outage}); a
 * daily quota's share starts from the attempts the fleet had made that day when Redis was last seen.
 */
final class LocalShares {
    private final RedisReachability reachability;
    /** Attempts the fleet had made today per daily quota, as last seen in Redis. */
    private final Map<String, DayCount> fleetUsage = new ConcurrentHashMap<>();

    LocalShares(RedisReachability reachability) {
        this.reachability = reachability;
    }

    /** Redis said the fleet has made {@code usedToday} attempts today against {@code spec}'s daily quota. */
    void sawFleetUsage(BucketSpec spec, long usedToday) {
        fleetUsage.put(spec.quotaScope(), new DayCount(TokenBucket.today(), usedToday));
    }

    /**
     * One try at this instance's share of {@code spec}.
     *
     * @throws dev.conclave.llm.ModelCallException {@code daily_quota_exhausted} when the share of the day is spent
     */
    BucketTry take(BucketSpec spec, long reserve, long nowNanos) {
        RedisReachability.Outage outage = reachability.outage();
        if (outage == null) {
            return BucketTry.waitFor(1); // Redis came back between the check and here: ask it again
        }
        int instances = outage.liveInstances() > 0 ? outage.liveInstances() : spec.assumedInstances();
        LocalDate today = TokenBucket.today();
        TokenBucket share = outage.shares().compute(spec.name(), (name, bucket) -> bucket != null && bucket.day().equals(today)
                ? bucket
                : new TokenBucket(spec, 1.0 / instances, usedToday(spec, today), today, nowNanos));
        long waitMs = share.tryTake(reserve, spec.requestsPerDay() > 0, nowNanos);
        if (waitMs == 0) {
            return BucketTry.grantedByShare();
        }
        if (waitMs < 0) {
            Duration untilReset = Duration.between(Instant.now(), today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            throw DailyQuotaSpent.ofShare(spec, share.dayAllowance(), untilReset, instances);
        }
        // Wake at least once per retry interval, so a waiter notices Redis coming back.
        return BucketTry.waitFor(Math.min(waitMs, RedisReachability.RETRY_EVERY.toMillis()));
    }

    /** Gives back (or takes as debt) tokens on {@code spec}'s share, if the outage still has one. */
    void settle(BucketSpec spec, long reservedMinusActual, long nowNanos) {
        RedisReachability.Outage outage = reachability.outage();
        TokenBucket share = outage == null ? null : outage.shares().get(spec.name());
        if (share != null) {
            share.settle(reservedMinusActual, nowNanos);
        }
    }

    private long usedToday(BucketSpec spec, LocalDate today) {
        DayCount seen = fleetUsage.get(spec.quotaScope());
        return seen != null && seen.day().equals(today) ? seen.used() : 0;
    }

    private record DayCount(LocalDate day, long used) {
    }
}
