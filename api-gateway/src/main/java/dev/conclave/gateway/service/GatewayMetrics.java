package dev.conclave.gateway.service;

import dev.conclave.model.RunOrigin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The gateway's meters (docs/operations.md, "Metrics"): scan runs accepted, by origin (a submission, a re-run,
 * a replay), and the outbox backlog: rows not yet on the broker and the age of the oldest. The backlog is a
 * query, so it is sampled every {@code conclave.metrics.outbox-interval} (10 s) and a scrape reads the sample,
 * never the database; no request pays for a metric beyond an increment.
 */
@ApplicationScoped
public class GatewayMetrics {
    private static final Logger LOG = Logger.getLogger(GatewayMetrics.class);

    private final Outbox outbox;
    private final Map<RunOrigin, Counter> accepted = new EnumMap<>(RunOrigin.class);
    private volatile Outbox.Backlog backlog = new Outbox.Backlog(0, Optional.empty());

    public GatewayMetrics(MeterRegistry registry, Outbox outbox) {
        this.outbox = outbox;
        for (RunOrigin origin : RunOrigin.values()) {
            accepted.put(origin, Counter.builder("conclave.scans.accepted")
                    .description("Scan runs accepted (202) and stored with their request in the outbox, by origin")
                    .tag("origin", origin.name()).register(registry));
        }
        Gauge.builder("conclave.outbox.backlog", this, metrics -> metrics.backlog.rows())
                .description("Outbox rows not yet acknowledged by the broker (sampled: conclave.metrics.outbox-interval)")
                .strongReference(true).register(registry);
        Gauge.builder("conclave.outbox.oldest.age", this, GatewayMetrics::oldestAgeSeconds)
                .description("Age of the oldest outbox row, 0 when the outbox is empty (sampled)")
                .baseUnit("seconds").strongReference(true).register(registry);
    }

    /** A run was accepted: its scan row or run row and its outbox row are committed. */
    void accepted(RunOrigin origin) {
        accepted.get(origin).increment();
    }

    @Scheduled(every = "${conclave.metrics.outbox-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sampleOutbox() {
        try {
            backlog = outbox.backlog();
        } catch (RuntimeException e) {
            // PostgreSQL is down: the last sample stays (readiness says what is wrong).
            LOG.debugf("outbox backlog not sampled: %s", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        return backlog.oldestCreatedAt()
                .map(oldest -> Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0)).orElse(0.0);
    }
}
