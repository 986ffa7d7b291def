package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** What a user can see after an upload: the request on the broker, or no trace at all and a healthy gateway. */
final class UploadOutcome {
    private UploadOutcome() {
    }

    static ScanRequest published(ScanRequestsTopic topic, Map<TopicPartition, Long> before, String scanId) {
        List<ConsumerRecord<String, String>> records = topic.after(before).stream().filter(r -> scanId.equals(r.key())).toList();
        assertEquals(1, records.size(), "one request keyed by the scan id");
        return WireJson.decode(records.get(0).value(), ScanRequest.class);
    }

    static void leftNoTrace(ScanRequestsTopic topic, Map<TopicPartition, Long> before, String name) {
        assertEquals(topic.total(before), topic.total(topic.endOffsets()), "nothing may be published");
        long stored = QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", name));
        assertEquals(0, stored, "nothing may be stored");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
