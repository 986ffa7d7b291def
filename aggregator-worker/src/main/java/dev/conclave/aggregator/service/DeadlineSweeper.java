package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Closes runs whose deadline passed, so no scan stays RUNNING forever, and takes over syntheses
 * whose lease expired unrenewed (their instance died). Runs on every aggregator instance;
 * {@code for update skip locked} hands each overdue run to exactly one of them.
 */
@ApplicationScoped
public class DeadlineSweeper {
    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);

    private final RunCloser closer;
    private final AggregationConfig config;

    public DeadlineSweeper(RunCloser closer, AggregationConfig config) {
        this.closer = closer;
        this.config = config;
    }

    @Scheduled(every = "${conclave.aggregation.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            while (closer.closeOverdue() >= config.sweepBatch()) {
                // a full batch closed: more may be waiting
            }
        } catch (RuntimeException e) {
            // PostgreSQL unavailable: overdue runs wait for the next sweep.
            LOG.warnf("deadline sweep could not claim overdue runs, trying again in %s: %s", config.sweepInterval(),
                    e.getMessage());
        }
    }
}
