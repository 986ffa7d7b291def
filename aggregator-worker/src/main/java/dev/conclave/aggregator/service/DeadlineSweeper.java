package dev.conclave.aggregator.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Closes runs whose deadline passed, so no scan stays RUNNING forever. Runs on every aggregator
 * instance; {@code for update skip locked} hands each overdue run to exactly one of them.
 */
@ApplicationScoped
public class DeadlineSweeper {
    private final RunCloser closer;

    public DeadlineSweeper(RunCloser closer) {
        this.closer = closer;
    }

    @Scheduled(every = "${conclave.aggregation.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        while (closer.closeOverdue() > 0) {
            // keep going while a full batch was closed
        }
    }
}
