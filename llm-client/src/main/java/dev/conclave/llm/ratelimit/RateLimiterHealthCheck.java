package dev.conclave.llm.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code rate-limiter}: whether this instance's model calls are limited by the fleet-wide buckets
 * in Redis (UP, {@code mode=fleet}) or by its own share of each limit because Redis does not
 * answer (DOWN, {@code mode=local-share} with the share and the instance count it divides by).
 * Each check asks Redis for the live instances (at most about once a second during an outage).
 *
 * <p>Readiness, not liveness: restarting the instance cannot bring Redis back and would throw away
 * its calls in flight, so the check must never make Kubernetes kill it. DOWN rather than UP with a
 * note, because a fleet on local shares is a degraded fleet an operator should see (a dropped
 * instance skews every share); the workers keep consuming and calling at their share meanwhile,
 * since readiness gates no traffic for a Kafka consumer, only rollouts and alerts.
 */
@Readiness
@ApplicationScoped
public class RateLimiterHealthCheck implements HealthCheck {
    private final RateLimiter limiter;

    public RateLimiterHealthCheck(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        RateLimiterStatus status = limiter.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rate-limiter");
        return switch (status.mode()) {
            case UNLIMITED -> response.up().withData("mode", "unlimited")
                    .withData("reason", "no provider has a request limit (conclave.llm.providers.*.limits.requests=0)").build();
            case FLEET -> response.up().withData("mode", "fleet")
                    .withData("live-instances", status.liveInstances()).build();
            case LOCAL_SHARE -> response.down().withData("mode", "local-share")
                    .withData("share", "1/" + status.liveInstances() + " of each limit")
                    .withData("live-instances", status.liveInstances())
                    .withData("live-instances-source", status.assumed()
                            ? "conclave.llm.providers.*.limits.assumed-instances (Redis was never reached)"
                            : "last seen in Redis")
                    .withData("since", status.since().toString())
                    .withData("cause", status.cause())
                    .withData("meanwhile", "calls continue at this share; the fleet limit resumes when Redis answers, "
                            + "retried about once a second")
                    .build();
        };
    }
}
