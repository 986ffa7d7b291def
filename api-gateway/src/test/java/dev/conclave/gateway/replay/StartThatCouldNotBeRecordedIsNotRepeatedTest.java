package dev.conclave.gateway.replay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database refuses to record started runs on the job's items (as an outage right after a start
 * would): every round starts the first pending scan's run, fails to record it, and tries again. The
 * retries get the same run back through the idempotency key, so no scan ever has a second new run;
 * the job says what failed, and finishes once the database takes the writes again.
 */
@QuarkusTest
class StartThatCouldNotBeRecordedIsNotRepeatedTest {
    @Inject
    EntityManager em;

    @Test
    void retriedRoundsGetTheSameRunBackAndTheJobFinishesAfterTheOutage() {
        ClosedScans scans = new ClosedScans(em);
        String prefix = "unrecorded-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = scans.submitClosed(prefix, 3);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "alter table replay_item add constraint test_refuses_started_items check (new_run is null) not valid")
                .executeUpdate());
        UUID job;
        try {
            job = UUID.fromString(given().contentType("application/json")
                    .body("{\"filter\": {\"namePattern\": \"" + prefix + "-*\"}, \"maxInFlight\": 3}")
                    .when().post("/api/v1/replays").then().statusCode(202).extract().path("id"));
            await().atMost(Duration.ofSeconds(20)).until(() -> job(job).getString("lastError") != null);
            // Several rounds retry meanwhile (0.2 s apart in tests).
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> ids.stream().allMatch(id -> scans.runs(id) <= 2));
            assertEquals(0, job(job).getInt("progress.started"));
            assertTrue(job(job).getString("lastError").contains("test_refuses_started_items"), job(job).prettyPrint());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "alter table replay_item drop constraint if exists test_refuses_started_items").executeUpdate());
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> job(job).getInt("progress.started") == 3);
        for (UUID id : ids) {
            assertEquals(2, scans.runs(id), "scan " + id + " got exactly one new run");
        }
        scans.closeStartedRuns(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(job(job).getString("status")));
    }

    private static JsonPath job(UUID job) {
        return given().when().get("/api/v1/replays/" + job).then().statusCode(200).extract().jsonPath();
    }
}
