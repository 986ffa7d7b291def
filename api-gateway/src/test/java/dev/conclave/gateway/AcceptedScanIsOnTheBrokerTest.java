package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A 202 means the request is on the broker, keyed by scan id; an Idempotency-Key makes a repeat harmless. */
@QuarkusTest
class AcceptedScanIsOnTheBrokerTest {

    private static String project(String name) {
        return """
                {"name": "%s", "files": [
                  {"path": "README.md", "content": "# Greeter\\nGreets people.\\n## Install\\npip install greeter\\n"},
                  {"path": "greeter/app.py", "content": "def greet(name):\\n    return 'hi ' + name\\n"},
                  {"path": "tests/test_app.py", "content": "from greeter.app import greet\\n\\ndef test_greet():\\n    assert greet('a') == 'hi a'\\n"}
                ]}""".formatted(name);
    }

    @Test
    void acceptedScanIsPublishedWithItsDigest() {
        String name = "accepted-" + System.nanoTime();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            String scanId = given().contentType("application/json").body(project(name))
                    .when().post("/api/v1/scans")
                    .then().statusCode(202)
                    .body("status", equalTo("QUEUED"))
                    .extract().path("scanId");

            List<ConsumerRecord<String, String>> published = topic.after(before).stream()
                    .filter(r -> scanId.equals(r.key())).toList();
            assertEquals(1, published.size(), "one request keyed by the scan id");
            ScanRequest request = WireJson.decode(published.get(0).value(), ScanRequest.class);
            assertEquals(name, request.projectName());
            assertEquals(List.of("architect", "deployment", "business"), request.roles());
            assertEquals(3, request.digest().fileCount());
            assertTrue(request.digest().facts().hasTests(), "the gateway built the digest from the files");
            assertTrue(request.deadline().isAfter(request.requestedAt()));

            given().when().get("/api/v1/scans/" + scanId)
                    .then().statusCode(200)
                    .body("name", equalTo(name))
                    .body("roles.role", hasItems("architect", "deployment", "business"));
        }
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameScan() {
        String name = "idempotent-" + System.nanoTime();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            String first = given().contentType("application/json").header("Idempotency-Key", name).body(project(name))
                    .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
            String second = given().contentType("application/json").header("Idempotency-Key", name).body(project(name))
                    .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");

            assertEquals(first, second);
            assertEquals(1, topic.total(topic.endOffsets()) - topic.total(before), "published once");
        }
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", name)));
    }

    @Test
    void submissionsRacingWithOneIdempotencyKeyAllGetTheScanThatWon() throws Exception {
        String name = "racing-" + System.nanoTime();
        int racers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return given().contentType("application/json").header("Idempotency-Key", name).body(project(name))
                            .when().post("/api/v1/scans").then().statusCode(202).extract().<String>path("scanId");
                }));
            }
            start.countDown();
            Set<String> scanIds = new HashSet<>();
            for (Future<String> answer : answers) {
                scanIds.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, scanIds.size(), "every racer was given the one scan stored: " + scanIds);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", name)));
    }

    @Test
    void unknownScanIsA404ThatSaysWhatToDo() {
        given().when().get("/api/v1/scans/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).body("error", org.hamcrest.Matchers.containsString("GET /api/v1/scans"));
        given().when().get("/api/v1/scans/not-a-uuid")
                .then().statusCode(400).body("field", equalTo("id"));
    }
}
