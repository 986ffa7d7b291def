package dev.conclave.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A role none of the code names: {@code security} is a name added to the panel, a prompt
 * ({@code prompts/security/v1.txt}) and a schema ({@code schemas/security.json}), both test resources
 * here. The worker serving it starts and answers it (the offline provider, in the schema's shape).
 */
@QuarkusTest
@TestProfile(AFourthRoleIsConfigurationAPromptAndASchemaTest.WithSecurity.class)
class AFourthRoleIsConfigurationAPromptAndASchemaTest {

    public static class WithSecurity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("conclave.roles.panel", "architect,deployment,business,security",
                    "conclave.roles.security.title", "Security",
                    "conclave.worker.roles", "security");
        }
    }

    @Inject
    KafkaClients clients;

    @Test
    void theWorkerServingItAnswersInItsSchema() throws Exception {
        WorkerWire wire = new WorkerWire(clients);
        UUID scanId = UUID.randomUUID();
        ScanRequest base = WorkerWire.request(scanId, 1);
        wire.send(new ScanRequest(SchemaVersions.WIRE, scanId, 1, base.projectName(), List.of("architect", "security"),
                base.digest(), base.requestedAt(), base.deadline(), false));

        String key = scanId.toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !wire.read(Topics.ROLE_RESULTS, key).isEmpty());
        List<RoleResult> results = wire.read(Topics.ROLE_RESULTS, key).stream()
                .map(record -> RoleResult.decode(record.value())).toList();
        assertEquals(1, results.size(), "only the role this worker serves answers: " + results);
        RoleResult security = results.get(0);
        assertEquals("security", security.role());
        assertEquals(RoleOutcome.SUCCEEDED, security.outcome(), String.valueOf(security.failureReason()));
        JsonNode analysis = security.analysis();
        assertTrue(analysis.path("summary").asText().startsWith("security looked at demo"), analysis.toString());
        assertEquals("medium", analysis.path("priority").asText());
    }
}
