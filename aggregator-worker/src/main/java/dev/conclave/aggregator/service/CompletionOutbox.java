package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.messaging.ScanCompletedPublisher;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
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
        List<ScanCompleted> due = lockUnpublished("scan_id = ?1 and run = ?2 and " + CLOSED_UNPUBLISHED,
                scanId, run);
        if (due.isEmpty()) {
            return false;
        }
        publishAndMark(due.get(0));
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
        int published = 0;
        for (ScanCompleted completed : lockUnpublished(CLOSED_UNPUBLISHED + " order by completed_at limit ?1",
                config.completionRelayBatch())) {
            try {
                publishAndMark(completed);
                published++;
            } catch (RuntimeException e) {
                LOG.warnf("could not publish the completion of scan %s run %d, trying again in %s: %s",
                        completed.scanId(), completed.run(), config.completionRelayInterval(), e.getMessage());
                break;
            }
        }
        return published;
    }

    /**
     * The completion events of the closed, unpublished runs that match {@code where}, their rows locked
     * (skipping rows another transaction holds). Only the event's columns are read: never the report.
     */
    private List<ScanCompleted> lockUnpublished(String where, Object... parameters) {
        var query = em.createNativeQuery("select scan_id, run, status, cast(missing_roles as text), cast(failed_roles as text),"
                + " completed_at from aggregation where " + where + " for update skip locked");
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new ScanCompleted(SchemaVersions.WIRE, (UUID) row[0], ((Number) row[1]).intValue(),
                ScanStatus.valueOf((String) row[2]), roles((String) row[3]), roles((String) row[4]), instant(row[5])))
                .toList();
    }

    private void publishAndMark(ScanCompleted completed) {
        publisher.publish(completed);
        em.createNativeQuery("update aggregation set completion_published_at = ?1 where scan_id = ?2 and run = ?3")
                .setParameter(1, Instant.now())
                .setParameter(2, completed.scanId())
                .setParameter(3, completed.run())
                .executeUpdate();
    }

    private static List<String> roles(String json) {
        return json == null ? List.of() : List.of(WireJson.decode(json, String[].class));
    }

    private static Instant instant(Object value) {
        // The driver's type for timestamptz depends on the Hibernate version: any of the three is the same instant.
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
