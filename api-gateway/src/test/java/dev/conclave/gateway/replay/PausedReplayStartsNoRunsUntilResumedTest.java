package dev.conclave.gateway.replay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bulk replay of five scans with a window of two: it keeps two runs open, starts none while paused
 * even as its runs close, continues when resumed, and completes with one new run per scan.
 */
@QuarkusTest
class PausedReplayStartsNoRunsUntilResumedTest {
    @Inject
    EntityManager em;

    @Test
    void pauseStopsNewRunsAndResumeContinues() {
        ClosedScans scans = new ClosedScans(em);
        String prefix = "paused-replay-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = scans.submitClosed(prefix, 5);

        JsonPath dryRun = given().contentType("application/json")
                .body("{\"filter\": {\"namePattern\": \"" + prefix + "-*\"}, \"dryRun\": true}")
                .when().post("/api/v1/replays").then().statusCode(200).extract().jsonPath();
        assertEquals(5, dryRun.getInt("scans"));
        assertEquals(20, dryRun.getInt("calls"), "three roles and one synthesis per run");

        Response created = given().contentType("application/json")
                .body("{\"filter\": {\"namePattern\": \"" + prefix + "-*\", \"status\": \"COMPLETED\"}, \"maxInFlight\": 2}")
                .when().post("/api/v1/replays").then().statusCode(202).extract().response();
        UUID job = UUID.fromString(created.path("id"));
        assertTrue(created.header("Location").endsWith("/api/v1/replays/" + job), created.header("Location"));
        assertEquals(5, created.<Integer>path("estimate.scans"));

        await().atMost(Duration.ofSeconds(20)).until(() -> progress(job).getInt("progress.started") == 2);
        assertEquals("RUNNING", progress(job).getString("status"));
        // The window is full: nothing more starts while the two runs are open.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> progress(job).getInt("progress.started") == 2);

        given().when().post("/api/v1/replays/" + job + "/pause")
                .then().statusCode(200);
        assertEquals(2, scans.closeStartedRuns(job));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> progress(job).getInt("progress.started") == 2);
        JsonPath paused = progress(job);
        assertEquals("PAUSED", paused.getString("status"));
        assertTrue(paused.getString("pausedBy").endsWith("(local admin)"), paused.getString("pausedBy"));
        assertEquals(2, paused.getInt("progress.completed"));

        given().when().post("/api/v1/replays/" + job + "/resume").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> progress(job).getInt("progress.started") == 4);
        scans.closeStartedRuns(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> progress(job).getInt("progress.started") == 5);
        scans.closeStartedRuns(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(progress(job).getString("status")));

        JsonPath done = progress(job);
        assertEquals(5, done.getInt("progress.completed"));
        assertTrue(done.getString("requestedBy").endsWith("(local admin)"), done.getString("requestedBy"));
        for (UUID id : ids) {
            assertEquals(2, scans.runs(id), "one new run per scan");
            given().when().get("/api/v1/scans/" + id + "/runs").then().statusCode(200);
        }
        given().when().post("/api/v1/replays/" + job + "/pause").then().statusCode(409);
        List<String> completed = given().when().get("/api/v1/replays?status=COMPLETED").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertTrue(completed.contains(job.toString()), "listed among the completed jobs: " + completed);
    }

    private static JsonPath progress(UUID job) {
        return given().when().get("/api/v1/replays/" + job).then().statusCode(200).extract().jsonPath();
    }
}
