package dev.conclave.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while every role's consumer loop runs; names the roles whose loop died. */
@Readiness
@ApplicationScoped
public class RoleConsumersReadiness implements HealthCheck {
    private final RoleConsumers consumers;

    public RoleConsumersReadiness(RoleConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> stopped = consumers.stoppedRoles();
        return HealthCheckResponse.named("role-consumers").status(stopped.isEmpty())
                .withData("roles", String.join(",", consumers.roles()))
                .withData("stopped", String.join(",", stopped))
                .withData("in-flight", consumers.inFlight())
                .build();
    }
}
