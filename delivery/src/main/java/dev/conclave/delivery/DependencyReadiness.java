package dev.conclave.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a step waits for a dependency, naming it, since when and why: the process is
 * alive and will resume on its own, but is doing no new work meanwhile.
 */
@Readiness
@ApplicationScoped
public class DependencyReadiness implements HealthCheck {
    private final DependencyWaits waits;

    public DependencyReadiness(DependencyWaits waits) {
        this.waits = waits;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, DependencyWaits.Waiting> now = waits.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dependencies").status(now.isEmpty());
        now.forEach((dependency, waiting) -> response.withData("waiting-for-" + dependency,
                "since " + waiting.since() + ", " + waiting.steps() + " steps waiting: " + waiting.lastFailure()));
        return response.build();
    }
}
