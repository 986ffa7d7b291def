package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.RoleOverride;
import dev.conclave.model.RunOrigin;
import dev.conclave.model.ScanRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/scans/{id}/runs} starts run n+1 with its own request on the broker: roles not named
 * are carried over from their stored results, overrides reach the request, a repeated Idempotency-Key
 * starts nothing, and every earlier run stays listed. No worker runs here: the results are stored by hand.
 */
@QuarkusTest
class RerunMakesTheNextRunAndKeepsTheEarlierTest {

    @Inject
    EntityManager em;

    private static String submit(String name) {
        return given().contentType("application/json").body(Projects.greeter(name))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
    }

    @Test
    void rerunOfTwoRolesCarriesTheThirdAndPublishesRunTwo() {
        String scanId = submit("rerun-" + System.nanoTime());
        storeResult(UUID.fromString(scanId), 1, "architect");
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            given().contentType("application/json")
                    .body("""
                            {"roles": ["deployment", "business"], "bypassCache": true,
                             "overrides": {"business": {"promptVersion": "v1", "chain": ["openrouter/some/model"]}}}""")
                    .when().post("/api/v1/scans/" + scanId + "/runs")
                    .then().statusCode(202)
                    .body("run", equalTo(2))
                    .body("statusUrl", equalTo("/api/v1/scans/" + scanId + "/runs/2"));

            List<ConsumerRecord<String, String>> published = topic.after(before).stream()
                    .filter(r -> scanId.equals(r.key())).toList();
            assertEquals(1, published.size(), "run 2's request, once");
            ScanRequest request = ScanRequest.decode(published.get(0).value());
            assertEquals(2, request.run());
            assertEquals(List.of("deployment", "business"), request.roles());
            assertEquals(Map.of("architect", 1), request.carriedRoles());
            assertEquals(new RoleOverride("v1", List.of("openrouter/some/model")), request.overrideOf("business"));
            assertEquals(RunOrigin.RERUN, request.origin());
            assertEquals(true, request.bypassCache());
        }
        given().when().get("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(200)
                .body("run", equalTo(List.of(1, 2)))
                .body("origin", equalTo(List.of("SUBMITTED", "RERUN")))
                .body("[1].requestedBy", endsWith("(local admin)"))
                .body("[1].sourceRun", equalTo(1));
        given().when().get("/api/v1/scans/" + scanId)
                .then().statusCode(200).body("run", equalTo(2)).body("currentRun", equalTo(2))
                .body("roles.find { it.role == 'architect' }.carriedFrom", equalTo(1));
        given().when().get("/api/v1/scans/" + scanId + "/runs/1")
                .then().statusCode(200).body("run", equalTo(1)).body("currentRun", equalTo(2));
    }

    @Test
    void roleWithoutAStoredResultIsAnalysedNotLeftOut() {
        String scanId = submit("rerun-nothing-stored-" + System.nanoTime());
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            given().contentType("application/json").body("{\"roles\": [\"deployment\"]}")
                    .when().post("/api/v1/scans/" + scanId + "/runs").then().statusCode(202);
            ScanRequest request = ScanRequest.decode(topic.after(before).stream()
                    .filter(r -> scanId.equals(r.key())).findFirst().orElseThrow().value());
            assertEquals(List.of("deployment", "architect", "business"), request.roles());
            assertEquals(Map.of(), request.carriedRoles());
        }
    }

    @Test
    void repeatedIdempotencyKeyStartsOneRun() {
        String scanId = submit("rerun-idempotent-" + System.nanoTime());
        int first = given().header("Idempotency-Key", "again").when().post("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(202).extract().path("run");
        given().header("Idempotency-Key", "again").when().post("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("run", equalTo(first));
        given().when().get("/api/v1/scans/" + scanId + "/runs").then().body("size()", equalTo(2));
    }

    @Test
    void whatCannotBeRunIsRefusedWithTheFieldAtFault() {
        String scanId = submit("rerun-refused-" + System.nanoTime());
        storeResult(UUID.fromString(scanId), 1, "business");
        given().contentType("application/json").body("{\"roles\": [\"astrologer\"]}")
                .when().post("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(400).body("field", equalTo("roles")).body("error", containsString("known roles"));
        given().contentType("application/json").body("{\"roles\": [\"deployment\"], \"overrides\": {\"business\": {\"promptVersion\": \"v2\"}}}")
                .when().post("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(400).body("error", containsString("does not analyse"));
        given().contentType("application/json").body("{\"overrides\": {\"business\": {\"chain\": [\"no-slash\"]}}}")
                .when().post("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(400).body("field", equalTo("overrides.business"));
        given().contentType("application/json").body("{\"rolez\": []}")
                .when().post("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(400).body("field", equalTo("rolez"));
        given().when().post("/api/v1/scans/00000000-0000-0000-0000-000000000000/runs")
                .then().statusCode(404).body("error", containsString("GET /api/v1/scans"));
        given().when().get("/api/v1/scans/" + scanId + "/runs/7")
                .then().statusCode(404).body("field", equalTo("run"));
        given().when().get("/api/v1/scans/" + scanId + "/runs/diff")
                .then().statusCode(400).body("error", containsString("one run only"));
        given().when().get("/api/v1/scans/" + scanId + "/runs").then().body("size()", equalTo(1));
    }

    /** What the aggregator would store for a role that answered. */
    private void storeResult(UUID scanId, int run, String role) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into role_result (scan_id, run, role, outcome, analysis, received_at)
                values (?1, ?2, ?3, 'SUCCEEDED', cast('{}' as jsonb), ?4)""")
                .setParameter(1, scanId).setParameter(2, run).setParameter(3, role).setParameter(4, Instant.now())
                .executeUpdate());
    }
}
