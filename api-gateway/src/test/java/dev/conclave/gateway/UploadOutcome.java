package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
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

    /**
     * Posts {@code request} as a scan that must be refused with {@code status}, naming {@code field} and saying
     * {@code message}, and checks that it left no trace of a scan called {@code name}; the response is returned for
     * further checks.
     */
    static ValidatableResponse refusedWithoutTrace(String name,
            RequestSpecification request, int status, String field, String message) {
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            ValidatableResponse response = request.when().post("/api/v1/scans")
                    .then().statusCode(status)
                    .body("field", equalTo(field))
                    .body("error", containsString(message));

            leftNoTrace(topic, before, name);
            return response;
        }
    }

    static void leftNoTrace(ScanRequestsTopic topic, Map<TopicPartition, Long> before, String name) {
        assertEquals(topic.total(before), topic.total(topic.endOffsets()), "nothing may be published");
        long stored = QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", name));
        assertEquals(0, stored, "nothing may be stored");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
