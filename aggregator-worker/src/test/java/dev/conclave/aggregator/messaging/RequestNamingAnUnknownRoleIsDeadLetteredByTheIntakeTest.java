package dev.conclave.aggregator.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.DeadLetters;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A request no role will ever answer can never be aggregated: aggregator-intake dead-letters it and goes on. */
@QuarkusTest
class RequestNamingAnUnknownRoleIsDeadLetteredByTheIntakeTest {
    @Inject
    KafkaClients clients;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @Test
    void aRequestForAnUnknownRoleIsDeadLetteredOnceWithTheKnownRolesNamed() throws Exception {
        UUID scanId = UUID.randomUUID();
        Instant now = Instant.now();
        String request = "{\"schemaVersion\":1,\"scanId\":\"" + scanId + "\",\"run\":1,\"projectName\":\"p\","
                + "\"roles\":[\"astrologer\"],\"digest\":{\"languages\":[],\"tree\":[],\"manifests\":[]},"
                + "\"requestedAt\":\"" + now + "\",\"deadline\":\"" + now.plusSeconds(600) + "\"}";
        try (KafkaProducer<String, String> producer = clients.producer()) {
            producer.send(new ProducerRecord<>(Topics.SCAN_REQUESTS, scanId.toString(), request)).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !intakeLetters(scanId.toString()).isEmpty());
        List<ConsumerRecord<String, String>> letters = intakeLetters(scanId.toString());
        assertEquals(1, letters.size());
        String reason = header(letters.get(0), DeadLetters.REASON);
        assertTrue(reason.contains("'astrologer'") && reason.contains("conclave.roles.panel"), reason);

        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"aggregator-intake\": \"RUNNING") && ready.body().contains("\"aggregator\": \"RUNNING"),
                ready.body());
    }

    private List<ConsumerRecord<String, String>> intakeLetters(String key) {
        return clients.readToEnd(Topics.DEAD_LETTERS, record -> key.equals(record.key())
                && "aggregator-intake".equals(header(record, DeadLetters.GROUP)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
