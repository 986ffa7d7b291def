package dev.conclave.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.DeadLetters;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The worker passes the request's tenant to the model client, which writes it on every model_call and cache_event
 * row of the call; a request from before tenants (no tenant field) is the default tenant's, and one whose tenant
 * cannot be a tenant is dead-lettered before any model is called.
 */
@QuarkusTest
class ModelCallsAreRecordedUnderTheRequestsTenantTest {
    @Inject
    KafkaClients clients;
    @Inject
    DataSource database;

    @Test
    void aRequestOfTenantT2MakesModelCallRowsOfT2() throws Exception {
        UUID scanId = UUID.randomUUID();
        insertScan(scanId);
        ScanRequest base = WorkerWire.request(scanId, 1);
        ScanRequest ofT2 = new ScanRequest(base.schemaVersion(), scanId, 1, base.projectName(), base.roles(),
                base.digest(), base.requestedAt(), base.deadline(), base.bypassCache(), base.carriedRoles(),
                base.overrides(), base.origin(), base.replay(), "t2");

        new WorkerWire(clients).send(ofT2);

        List<String> tenants = awaitModelCallTenants(scanId);
        assertEquals(List.of("t2"), tenants.stream().distinct().toList(), "every model_call row of the scan: " + tenants);
        assertEquals(List.of(), strings("SELECT tenant FROM cache_event WHERE scan_id = ? AND tenant <> 't2'", scanId),
                "no cache_event row of the scan under another tenant");
    }

    @Test
    void aRequestFromBeforeTenantsIsTheDefaultTenants() throws Exception {
        UUID scanId = UUID.randomUUID();
        insertScan(scanId);
        ObjectNode old = (ObjectNode) WireJson.tree(WorkerWire.request(scanId, 1));
        old.remove("tenant");

        new WorkerWire(clients).send(scanId.toString(), old.toString());

        assertEquals(List.of("default"), awaitModelCallTenants(scanId).stream().distinct().toList());
    }

    @Test
    void aRequestWithATenantThatCannotBeOneIsDeadLetteredWithoutAModelCall() throws Exception {
        UUID scanId = UUID.randomUUID();
        insertScan(scanId);
        WorkerWire wire = new WorkerWire(clients);
        ObjectNode forged = (ObjectNode) WireJson.tree(WorkerWire.request(scanId, 1));
        forged.put("tenant", "t2\nother-tenant");

        wire.send(scanId.toString(), forged.toString());

        List<ConsumerRecord<String, String>> letters = await().atMost(Duration.ofSeconds(60))
                .until(() -> wire.read(Topics.DEAD_LETTERS, scanId.toString()), found -> !found.isEmpty());
        String reason = new String(letters.getFirst().headers().lastHeader(DeadLetters.REASON).value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("tenant is not a tenant name"), reason);
        assertEquals(List.of(), strings("SELECT tenant FROM model_call WHERE scan_id = ?", scanId), "no model call");
    }

    private List<String> awaitModelCallTenants(UUID scanId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> strings("SELECT tenant FROM model_call WHERE scan_id = ?", scanId), rows -> !rows.isEmpty());
    }

    private void insertScan(UUID scanId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO scan (id, name, roles, digest, current_run, deadline_seconds, created_at) "
                        + "VALUES (?, 'demo', '[\"architect\"]'::jsonb, '{}'::jsonb, 1, 600, now())")) {
            statement.setObject(1, scanId);
            statement.executeUpdate();
        }
    }

    private List<String> strings(String sql, UUID scanId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, scanId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
