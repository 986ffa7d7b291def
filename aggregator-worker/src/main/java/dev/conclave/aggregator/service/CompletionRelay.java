package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Publishes the completions that closing a run did not get acknowledged (broker down, instance
 * killed between the close and the ack). Runs on every aggregator instance; {@code skip locked}
 * hands each such run to one of them.
 */
@ApplicationScoped
public class CompletionRelay {
    private static final Logger LOG = Logger.getLogger(CompletionRelay.class);

    private final CompletionOutbox outbox;
    private final AggregationConfig config;

    public CompletionRelay(CompletionOutbox outbox, AggregationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(every = "${conclave.aggregation.completion-relay-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            int published;
            do {
                published = outbox.relayBatch();
                if (published > 0) {
                    LOG.infof("published %d completion events left unpublished when their runs closed", published);
                }
            } while (published == config.completionRelayBatch());
        } catch (RuntimeException e) {
            // PostgreSQL unavailable: the rows wait, the next tick tries again.
            LOG.warnf("completion relay could not read the outbox, trying again in %s: %s",
                    config.completionRelayInterval(), e.getMessage());
        }
    }
}
