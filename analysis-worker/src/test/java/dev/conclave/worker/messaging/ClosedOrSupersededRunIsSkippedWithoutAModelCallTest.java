package dev.conclave.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A backlog or a replay of a run that is already decided (closed, cancelled, superseded) pays for nothing. */
@QuarkusTest
class ClosedOrSupersededRunIsSkippedWithoutAModelCallTest {
    @Inject
    KafkaClients clients;
    @Inject
    DataSource database;
    @Inject
    RedisDataSource redis;

    @Test
    void aRequestForACompletedRunMakesNoModelCallAndReportsSkipped() throws Exception {
        UUID scanId = UUID.randomUUID();
        insertScan(scanId, 1);
        insertAggregation(scanId, 1, "COMPLETED");

        new WorkerWire(clients).send(WorkerWire.request(scanId, 1));

        ProgressEvent skipped = awaitSkipped(scanId);
        assertEquals("run 1 is closed (COMPLETED)", skipped.detail());
        assertEquals(0, modelCalls(scanId));
        assertTrue(new WorkerWire(clients).read(Topics.ROLE_RESULTS, scanId.toString()).isEmpty(), "no result published");
    }

    @Test
    void aRequestForACancelledRunMakesNoModelCallEvenBeforeTheAggregatorClosedIt() throws Exception {
        UUID scanId = UUID.randomUUID();
        insertScan(scanId, 1);
        update("INSERT INTO scan_run (scan_id, run, origin, roles, requested_at, cancel_requested_at, cancelled_by) "
                + "VALUES (?, 1, 'SUBMITTED', '[\"architect\"]'::jsonb, now(), now(), 'ana')", scanId);

        new WorkerWire(clients).send(WorkerWire.request(scanId, 1));

        assertEquals("run 1 is cancelled", awaitSkipped(scanId).detail());
        assertEquals(0, modelCalls(scanId));
        assertTrue(new WorkerWire(clients).read(Topics.ROLE_RESULTS, scanId.toString()).isEmpty(), "no result published");
    }

    @Test
    void aRequestForASupersededRunMakesNoModelCallWhileTheCurrentRunIsAnalysed() throws Exception {
        UUID scanId = UUID.randomUUID();
        insertScan(scanId, 2);
        WorkerWire wire = new WorkerWire(clients);
        wire.send(WorkerWire.request(scanId, 1));
        wire.send(WorkerWire.request(scanId, 2));

        assertEquals("run 1 is superseded by run 2", awaitSkipped(scanId).detail());
        await().atMost(Duration.ofSeconds(60)).until(() -> !wire.read(Topics.ROLE_RESULTS, scanId.toString()).isEmpty());
        assertEquals(1, modelCalls(scanId), "one call, for run 2");
        assertEquals(0, modelCalls(scanId, 1), "none for run 1");
    }

    private ProgressEvent awaitSkipped(UUID scanId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> events(scanId).stream()
                .filter(e -> e.stage() == ProgressStage.SKIPPED).findFirst(), Optional::isPresent).get();
    }

    private List<ProgressEvent> events(UUID scanId) {
        return redis.stream(String.class).xrange(ProgressEvent.streamKey(scanId), StreamRange.of("-", "+")).stream()
                .map(message -> WireJson.decode(message.payload().get("event"), ProgressEvent.class)).toList();
    }

    private void insertScan(UUID scanId, int currentRun) throws SQLException {
        update("INSERT INTO scan (id, name, roles, digest, current_run, deadline_seconds, created_at) "
                + "VALUES (?, 'demo', '[\"architect\"]'::jsonb, '{}'::jsonb, ?, 600, now())", scanId, currentRun);
    }

    private void insertAggregation(UUID scanId, int run, String status) throws SQLException {
        update("INSERT INTO aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at) "
                + "VALUES (?, ?, '{}'::jsonb, '[\"architect\"]'::jsonb, ?, now(), ?)", scanId, run, status,
                java.sql.Timestamp.from(Instant.now().plusSeconds(600)));
    }

    private long modelCalls(UUID scanId) throws SQLException {
        return count("SELECT count(*) FROM model_call WHERE scan_id = ?", scanId);
    }

    private long modelCalls(UUID scanId, int run) throws SQLException {
        return count("SELECT count(*) FROM model_call WHERE scan_id = ? AND run = ?", scanId, run);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private long count(String sql, Object... values) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
