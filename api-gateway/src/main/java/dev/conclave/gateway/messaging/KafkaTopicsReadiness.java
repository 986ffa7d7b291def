package dev.conclave.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the broker answers and every Conclave topic exists on it. */
@Readiness
@ApplicationScoped
public class KafkaTopicsReadiness implements HealthCheck {
    private final TopicProvisioner provisioner;

    public KafkaTopicsReadiness(TopicProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            List<String> missing = provisioner.missingTopics();
            return HealthCheckResponse.named("kafka-topics").status(missing.isEmpty())
                    .withData("missing", String.join(",", missing)).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka-topics").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
