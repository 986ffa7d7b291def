package dev.conclave.llm.ratelimit;

import dev.conclave.llm.ratelimit.FleetBuckets.RedisUnreachable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The provider's own requests to wait (429 with Retry-After, or reset headers): no instance starts a call
 * on the bucket until then. Stored in Redis for the fleet ({@link FleetBuckets#pause}, which the take script
 * honours) and kept here too, so this instance honours a pause even while Redis is unreachable.
 */
final class ProviderPauses {
    private static final Logger LOG = Logger.getLogger(ProviderPauses.class);

    private final FleetBuckets fleet;
    private final RedisReachability reachability;
    /** Pauses as this instance knows them (System.nanoTime deadlines). */
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();

    ProviderPauses(FleetBuckets fleet, RedisReachability reachability) {
        this.fleet = fleet;
        this.reachability = reachability;
    }

    /** Pauses {@code spec}'s bucket for {@code wait} here and, when Redis may be asked, across the fleet. */
    void pause(BucketSpec spec, Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        long now = System.nanoTime();
        pausedUntil.merge(spec.name(), now + wait.toNanos(), Math::max);
        if (spec.unlimited() || !reachability.mayTry(now)) {
            return;
        }
        try {
            long pausedMs = fleet.pause(spec, wait);
            reachability.reachable();
            LOG.infof("%s paused for %d ms across the fleet: the provider asked to wait", spec.name(), pausedMs);
        } catch (RedisUnreachable e) {
            reachability.unreachable(e.getMessage(), now);
            LOG.warnf("%s paused for %d ms on this instance only: %s", spec.name(), wait.toMillis(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long {@code bucket} is still paused as this instance knows it, in whole ms; 0 when it is not. */
    long remainingMs(String bucket, long nowNanos) {
        Long pauseEnd = pausedUntil.get(bucket);
        if (pauseEnd == null) {
            return 0;
        }
        if (nowNanos < pauseEnd) {
            return Math.max(1, (pauseEnd - nowNanos + 999_999) / 1_000_000);
        }
        pausedUntil.remove(bucket, pauseEnd);
        return 0;
    }
}
