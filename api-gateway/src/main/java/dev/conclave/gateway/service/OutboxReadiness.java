package dev.conclave.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox backlog as readiness data: rows not yet on the broker and the age of the oldest. A
 * backlog is information, not unreadiness (accepted scans wait there while Kafka is down, and the
 * kafka-topics check says so); only a database that cannot answer makes this check DOWN.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
    private final Outbox outbox;

    public OutboxReadiness(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Outbox.Backlog backlog = outbox.backlog();
            HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up()
                    .withData("unpublished", backlog.rows());
            backlog.oldestCreatedAt().ifPresent(oldest -> response
                    .withData("oldest-created-at", oldest.toString())
                    .withData("oldest-age-seconds", Math.max(0, Duration.between(oldest, Instant.now()).toSeconds())));
            return response.build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("outbox").down()
                    .withData("error", "cannot read the outbox: " + e.getMessage()).build();
        }
    }
}
