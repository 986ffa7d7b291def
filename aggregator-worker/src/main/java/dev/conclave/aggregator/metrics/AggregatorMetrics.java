package dev.conclave.aggregator.metrics;

import dev.conclave.model.RunOrigin;
import dev.conclave.model.ScanStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The aggregator's meters (docs/operations.md, "Metrics"): runs closed by final status (COMPLETED, PARTIAL,
 * FAILED, CANCELLED) and origin, and the time from a run's request to its close as a histogram. Counted once
 * per run, by the instance whose close was stored (a run taken over by another instance is counted there).
 * The meters are held per (status, origin): a close costs a map lookup, no registry lookup and no query.
 */
@ApplicationScoped
public class AggregatorMetrics {
    /** Buckets of the time to close: a cached or offline scan takes well under a second, the deadline is 10 min. */
    private static final Duration[] TIME_TO_CLOSE_BUCKETS = {Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(20)};

    private final MeterRegistry registry;
    private final ConcurrentMap<Closing, Closed> closes = new ConcurrentHashMap<>();

    public AggregatorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run was closed with {@code status}: requested at {@code requestedAt}, closed at {@code closedAt}. */
    public void runClosed(ScanStatus status, RunOrigin origin, Instant requestedAt, Instant closedAt) {
        Closed closed = closes.computeIfAbsent(new Closing(status, origin), Closed::new);
        closed.count.increment();
        if (requestedAt != null && closedAt != null) {
            closed.time.record(Duration.between(requestedAt, closedAt).isNegative() ? Duration.ZERO
                    : Duration.between(requestedAt, closedAt));
        }
    }

    private record Closing(ScanStatus status, RunOrigin origin) {
    }

    private final class Closed {
        final Counter count;
        final Timer time;

        Closed(Closing key) {
            count = Counter.builder("conclave.scans.closed")
                    .description("Scan runs closed, by final status (COMPLETED, PARTIAL, FAILED, CANCELLED) and origin")
                    .tags("status", key.status().name(), "origin", key.origin().name()).register(registry);
            time = Timer.builder("conclave.scan.time.to.close")
                    .description("Time from a run's request to its close (the report's duration), by status and origin")
                    .serviceLevelObjectives(TIME_TO_CLOSE_BUCKETS)
                    .tags("status", key.status().name(), "origin", key.origin().name()).register(registry);
        }
    }
}
