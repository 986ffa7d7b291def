package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.aggregator.messaging.ScanCompletedPublisher;
import dev.conclave.delivery.Sql;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.WireJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    private final AgroalDataSource database;
    private final ScanCompletedPublisher publisher;
    private final AggregationConfig config;
    /** Runs whose row could not be read as a completion, reported once each. */
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

    public CompletionOutbox(AgroalDataSource database, ScanCompletedPublisher publisher, AggregationConfig config) {
        this.database = database;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * Publishes one run's completion if it is closed and not yet published nor being published by
     * someone else; false otherwise.
     *
     * @throws RuntimeException if the broker did not ack; the row stays unpublished for the relay
     */
    public boolean publish(UUID scanId, int run) {
        return Sql.inTransaction(database, "publishing the completion of scan " + scanId + " run " + run, connection -> {
            List<ScanCompleted> due = lockUnpublished(connection, "scan_id = ? and run = ? and " + CLOSED_UNPUBLISHED,
                    scanId, run);
            if (due.isEmpty()) {
                return false;
            }
            publishAndMark(connection, due.get(0));
            return true;
        });
    }

    /**
     * Publishes the completions of up to a batch of closed runs still unpublished, oldest first;
     * stops at the first the broker does not ack (the rest would fail alike) and keeps what was acked.
     *
     * @return how many were published
     */
    public int relayBatch() {
        return Sql.inTransaction(database, "relaying unpublished completions", connection -> {
            int published = 0;
            for (ScanCompleted completed : lockUnpublished(connection, CLOSED_UNPUBLISHED
                    + " order by completed_at limit ?", config.completionRelayBatch())) {
                try {
                    publishAndMark(connection, completed);
                    published++;
                } catch (RuntimeException e) {
                    LOG.warnf("could not publish the completion of scan %s run %d, trying again in %s: %s",
                            completed.scanId(), completed.run(), config.completionRelayInterval(), e.getMessage());
                    break;
                }
            }
            return published;
        });
    }

    /**
     * The completion events of the closed, unpublished runs that match {@code where}, their rows locked
     * (skipping rows another transaction holds). Only the event's columns are read: never the report.
     */
    private List<ScanCompleted> lockUnpublished(Connection connection, String where, Object... parameters)
            throws SQLException {
        String sql = "select scan_id, run, status, cast(missing_roles as text), cast(failed_roles as text), completed_at"
                + " from aggregation where " + where + " for update skip locked";
        List<ScanCompleted> due = new ArrayList<>();
        for (Object[] row : Sql.query(connection, sql, parameters)) {
            UUID scanId = (UUID) row[0];
            int run = ((Number) row[1]).intValue();
            try {
                due.add(new ScanCompleted(SchemaVersions.WIRE, scanId, run, ScanStatus.valueOf((String) row[2]),
                        roles((String) row[3]), roles((String) row[4]), Sql.instant(row[5])));
            } catch (RuntimeException e) {
                // A row changed by hand: skipped, so that it never holds up the completions behind it.
                if (unreadable.add(scanId + "/" + run)) {
                    LOG.errorf("the completion of scan %s run %d cannot be announced: its aggregation row does not read"
                            + " as one (%s); it is skipped until the row is mended (missing_roles and failed_roles"
                            + " are JSON arrays of role names)", scanId, run, e.getMessage());
                }
            }
        }
        return due;
    }

    private void publishAndMark(Connection connection, ScanCompleted completed) throws SQLException {
        publisher.publish(completed);
        Sql.update(connection, "update aggregation set completion_published_at = ? where scan_id = ? and run = ?",
                Instant.now(), completed.scanId(), completed.run());
    }

    private static List<String> roles(String json) {
        return json == null ? List.of() : List.of(WireJson.decode(json, String[].class));
    }
}
