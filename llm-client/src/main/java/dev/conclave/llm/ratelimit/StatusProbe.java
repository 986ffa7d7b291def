package dev.conclave.llm.ratelimit;

import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.ratelimit.FleetBuckets.RedisUnreachable;
import java.time.Duration;

/**
 * Which limit decides now, for health and operators: none when no provider is limited, the fleet's while
 * Redis answers the question of how many instances are live (asked at most about once a second during an
 * outage), else this instance's share, and of how many.
 */
final class StatusProbe {
    private final LlmConfig config;
    private final FleetBuckets fleet;
    private final RedisReachability reachability;

    StatusProbe(LlmConfig config, FleetBuckets fleet, RedisReachability reachability) {
        this.config = config;
        this.fleet = fleet;
        this.reachability = reachability;
    }

    RateLimiterStatus status() {
        Duration timeout = config.providers().values().stream()
                .filter(provider -> provider.limits().requests() > 0)
                .map(provider -> provider.limits().redisTimeout())
                .min(Duration::compareTo).orElse(null);
        if (timeout == null) {
            return RateLimiterStatus.unlimited();
        }
        long now = System.nanoTime();
        if (reachability.mayTry(now)) {
            try {
                int live = fleet.liveInstances(timeout);
                reachability.reachable();
                return RateLimiterStatus.fleet(live);
            } catch (RedisUnreachable e) {
                reachability.unreachable(e.getMessage(), now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RedisReachability.Outage outage = reachability.outage();
        if (outage == null) {
            return RateLimiterStatus.fleet(reachability.lastLiveInstances());
        }
        int assumed = config.providers().values().stream().mapToInt(p -> p.limits().assumedInstances()).max().orElse(1);
        return RateLimiterStatus.localShare(outage.liveInstances() > 0 ? outage.liveInstances() : assumed,
                outage.liveInstances() == 0, outage.since(), outage.cause());
    }
}
