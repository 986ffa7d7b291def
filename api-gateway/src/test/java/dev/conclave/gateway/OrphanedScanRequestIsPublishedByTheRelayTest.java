package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.persistence.OutboxEntity;
import dev.conclave.gateway.security.TestCallers;
import dev.conclave.gateway.service.ScanStore;
import dev.conclave.gateway.service.SubmissionParser;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A gateway that died between the commit and the publish leaves its request in the outbox: the relay
 * publishes it, keyed by scan id, and removes the row; an Idempotency-Key retry gets that same scan.
 */
@QuarkusTest
class OrphanedScanRequestIsPublishedByTheRelayTest {

    @Inject
    ScanStore store;

    @Inject
    SubmissionParser parser;


    /** What a gateway that died right after the commit leaves behind: the rows, and no publish. */
    private String committedButNeverPublished(String name, String idempotencyKey) {
        return QuarkusTransaction.requiringNew().call(
                () -> store.insert(parser.parse(Projects.greeter(name)), TestCallers.OPERATOR_ADMIN, idempotencyKey).scan().id.toString());
    }

    @Test
    void requestLeftInTheOutboxIsPublishedAndItsRowRemoved() {
        String name = "orphan-" + System.nanoTime();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            String scanId = committedButNeverPublished(name, null);

            List<ConsumerRecord<String, String>> published = awaitPublished(topic, before, scanId);
            assertEquals(1, published.size(), "one request keyed by the scan id");
            assertEquals(name, WireJson.decode(published.get(0).value(), ScanRequest.class).projectName());
            await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(scanId) == 0);
        }
    }

    @Test
    void idempotencyKeyRetryOfAnUnpublishedScanGetsTheSameScanAndItIsPublished() {
        String name = "retried-" + System.nanoTime();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            String scanId = committedButNeverPublished(name, name);

            given().contentType("application/json").header("Idempotency-Key", name).body(Projects.greeter(name))
                    .when().post("/api/v1/scans")
                    .then().statusCode(202)
                    .header("Idempotent-Replayed", "true")
                    .body("scanId", equalTo(scanId));

            assertEquals(1, awaitPublished(topic, before, scanId).size(), "the retried scan's request is published");
            await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(scanId) == 0);
        }
    }

    private static List<ConsumerRecord<String, String>> awaitPublished(ScanRequestsTopic topic,
            Map<TopicPartition, Long> before, String scanId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> topic.after(before).stream().filter(r -> scanId.equals(r.key())).toList(),
                        records -> !records.isEmpty());
    }

    private static long outboxRows(String scanId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count("messageKey", scanId));
    }
}
