package dev.conclave.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless a consumer has been restarted {@link SupervisionConfig#livenessRestarts()} times in a
 * row without handling a record: waiting for a dependency or restarting a few times is recovery in
 * progress, but a loop that keeps dying needs a new process (or a person).
 */
@Liveness
@ApplicationScoped
public class ConsumersLiveness implements HealthCheck {
    private final SupervisedConsumers consumers;
    private final SupervisionConfig config;

    public ConsumersLiveness(SupervisedConsumers consumers, SupervisionConfig config) {
        this.consumers = consumers;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        List<ConsumerStatus> failing = consumers.statuses().stream()
                .filter(s -> s.failedRestarts() >= config.livenessRestarts()).toList();
        return HealthCheckResponse.named("consumers-alive").status(failing.isEmpty())
                .withData("restart-limit", config.livenessRestarts())
                .withData("failing", String.join(", ", failing.stream().map(s -> s.group() + ": " + s.describe()).toList()))
                .build();
    }
}
