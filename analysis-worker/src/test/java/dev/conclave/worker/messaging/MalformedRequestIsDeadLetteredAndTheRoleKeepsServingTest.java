package dev.conclave.worker.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.DeadLetters;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.RoleResult;
import dev.conclave.model.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Issue 8's message (valid JSON, no scanId) no longer stops the architect consumer. */
@QuarkusTest
class MalformedRequestIsDeadLetteredAndTheRoleKeepsServingTest {
    private static final String NO_SCAN_ID = "{\"schemaVersion\":1,\"run\":1,\"roles\":[\"architect\"]}";

    @Inject
    KafkaClients clients;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @Test
    void aRequestWithoutScanIdIsDeadLetteredOnceAndTheNextRequestGetsItsResult() throws Exception {
        WorkerWire wire = new WorkerWire(clients);
        UUID scanId = UUID.randomUUID();
        String key = scanId.toString(); // one key: same partition, the valid request comes after the poison
        wire.send(key, NO_SCAN_ID);
        wire.send(WorkerWire.request(scanId, 1));

        await().atMost(Duration.ofSeconds(60)).until(() -> !wire.read(Topics.ROLE_RESULTS, key).isEmpty());
        RoleResult result = RoleResult.decode(wire.read(Topics.ROLE_RESULTS, key).get(0).value());
        assertEquals(RoleOutcome.SUCCEEDED, result.outcome());
        assertEquals("architect", result.role());

        List<ConsumerRecord<String, String>> letters = wire.read(Topics.DEAD_LETTERS, key);
        assertEquals(1, letters.size(), "one dead letter for the one poison record");
        ConsumerRecord<String, String> letter = letters.get(0);
        assertEquals(NO_SCAN_ID, letter.value());
        assertEquals("analysis-architect", header(letter, DeadLetters.GROUP));
        assertEquals(Topics.SCAN_REQUESTS, header(letter, DeadLetters.TOPIC));
        assertTrue(header(letter, DeadLetters.REASON).contains("scanId is missing"), header(letter, DeadLetters.REASON));

        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"analysis-architect\": \"RUNNING"), ready.body());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
