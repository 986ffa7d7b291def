package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.messaging.ScanCompletedPublisher;
import dev.conclave.aggregator.persistence.AggregationEntity;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.SchemaVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The closed runs whose {@code scan.completed} event the broker has not acknowledged yet: the
 * aggregation row is the outbox. Closing a run writes it with {@code completion_published_at} null;
 * publishing sets it after the ack, in the transaction that holds the row lock, so the closer and
 * the relays of every instance never publish one run at the same time ({@code skip locked}). A crash
 * between the ack and the commit publishes the event again: at least once, never never.
 */
@ApplicationScoped
public class CompletionOutbox {
    private static final Logger LOG = Logger.getLogger(CompletionOutbox.class);
    private static final String CLOSED_UNPUBLISHED = """
            status in ('COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED') and completion_published_at is null""";

    private final EntityManager em;
    private final ScanCompletedPublisher publisher;
    private final AggregationConfig config;

    public CompletionOutbox(EntityManager em, ScanCompletedPublisher publisher, AggregationConfig config) {
        this.em = em;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * Publishes one run's completion if it is closed and not yet published nor being published by
     * someone else; false otherwise.
     *
     * @throws RuntimeException if the broker did not ack; the row stays unpublished for the relay
     */
    @Transactional
    public boolean publish(UUID scanId, int run) {
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("select scan_id, run from aggregation where scan_id = ?1 and run = ?2 and "
                + CLOSED_UNPUBLISHED + " for update skip locked")
                .setParameter(1, scanId)
                .setParameter(2, run)
                .getResultList();
        if (keys.isEmpty()) {
            return false;
        }
        publishAndMark(AggregationEntity.findById(new AggregationEntity.Key(scanId, run)));
        return true;
    }

    /**
     * Publishes the completions of up to a batch of closed runs still unpublished, oldest first;
     * stops at the first the broker does not ack (the rest would fail alike) and keeps what was acked.
     *
     * @return how many were published
     */
    @Transactional
    public int relayBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("select scan_id, run from aggregation where " + CLOSED_UNPUBLISHED
                + " order by completed_at limit ?1 for update skip locked")
                .setParameter(1, config.completionRelayBatch())
                .getResultList();
        int published = 0;
        for (Object[] key : keys) {
            AggregationEntity aggregation = AggregationEntity.findById(
                    new AggregationEntity.Key((UUID) key[0], ((Number) key[1]).intValue()));
            try {
                publishAndMark(aggregation);
                published++;
            } catch (RuntimeException e) {
                LOG.warnf("could not publish the completion of scan %s run %d, trying again in %s: %s",
                        aggregation.scanId, aggregation.run, config.completionRelayInterval(), e.getMessage());
                break;
            }
        }
        return published;
    }

    private void publishAndMark(AggregationEntity aggregation) {
        publisher.publish(new ScanCompleted(SchemaVersions.WIRE, aggregation.scanId, aggregation.run,
                ScanStatus.valueOf(aggregation.status), nonNull(aggregation.missingRoles), nonNull(aggregation.failedRoles),
                aggregation.completedAt));
        aggregation.completionPublishedAt = Instant.now();
    }

    private static List<String> nonNull(List<String> roles) {
        return roles == null ? List.of() : roles;
    }
}
