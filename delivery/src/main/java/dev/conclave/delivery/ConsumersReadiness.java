package dev.conclave.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every consumer runs; each one is listed by group with its state (RUNNING,
 * PAUSED waiting for a dependency, RESTARTING with its last error) and its records in flight.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {
    private final SupervisedConsumers consumers;

    public ConsumersReadiness(SupervisedConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        List<ConsumerStatus> statuses = consumers.statuses();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers")
                .status(statuses.stream().allMatch(s -> s.state() == SupervisedConsumer.State.RUNNING));
        statuses.forEach(s -> response.withData(s.group(), s.describe()));
        return response.build();
    }
}
