package dev.conclave.llm.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Whether this instance currently trusts Redis, and what it does meanwhile. While Redis is down,
 * one caller about once a second is let through to try it again (the others go straight to the
 * local share), so an outage costs no time per call and recovery is noticed within a second.
 */
final class RedisReachability {
    private static final Logger LOG = Logger.getLogger(RedisReachability.class);
    static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    /**
     * One outage: since when, why, and the local shares used until Redis answers again. Shares
     * belong to the outage, so the next outage starts from the fleet as it was last seen then.
     *
     * @param liveInstances the fleet size last seen in Redis, 0 when never seen
     */
    record Outage(Instant since, String cause, int liveInstances, AtomicLong nextTryNanos, Map<String, TokenBucket> shares) {
    }

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private volatile int lastLiveInstances;

    /** Null while Redis answers. */
    Outage outage() {
        return outage.get();
    }

    int lastLiveInstances() {
        return lastLiveInstances;
    }

    /** True while Redis answers; during an outage, true for one caller once per {@link #RETRY_EVERY}. */
    boolean mayTry(long nowNanos) {
        Outage current = outage.get();
        if (current == null) {
            return true;
        }
        long next = current.nextTryNanos().get();
        return nowNanos >= next && current.nextTryNanos().compareAndSet(next, nowNanos + RETRY_EVERY.toNanos());
    }

    void sawFleet(int liveInstances) {
        lastLiveInstances = Math.max(1, liveInstances);
    }

    void reachable() {
        Outage ended = outage.getAndSet(null);
        if (ended != null) {
            LOG.infof("Redis answers again: the fleet-wide rate limits apply again (fell back to local shares for %d s)",
                    Duration.between(ended.since(), Instant.now()).toSeconds());
        }
    }

    void unreachable(String cause, long nowNanos) {
        Outage started = new Outage(Instant.now(), cause, lastLiveInstances,
                new AtomicLong(nowNanos + RETRY_EVERY.toNanos()), new ConcurrentHashMap<>());
        if (outage.compareAndSet(null, started)) {
            LOG.warnf("Redis is unreachable (%s): each bucket falls back to this instance's share of its limit, "
                    + "the limit ÷ %s; retrying Redis about once a second", cause,
                    lastLiveInstances > 0 ? lastLiveInstances + " live instances last seen" : "limits.assumed-instances (the fleet was never seen)");
        }
    }
}
