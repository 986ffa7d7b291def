package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ProgressEvent;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.WireJson;
import io.quarkus.redis.datasource.RedisDataSource;
import dev.conclave.gateway.security.AuthenticatedRestAssured;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/scans/{id}/events} replays what the workers reported so far, follows new events,
 * and ends with the scan's final status; {@code Last-Event-ID} resumes after an event.
 */
@QuarkusTest
class ProgressIsStreamedAsServerSentEventsTest {
    @Inject
    RedisDataSource redis;

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/api/v1/scans/")
    URI scans;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eventsSoFarThenNewOnesThenTheEnd() throws Exception {
        UUID scanId = submit();
        report(scanId, "architect", ProgressStage.STARTED);
        report(scanId, "architect", ProgressStage.CALLING_MODEL);

        var pending = http.sendAsync(HttpRequest.newBuilder(scans.resolve(scanId + "/events"))
                .header("Authorization", "Bearer " + AuthenticatedRestAssured.bootstrapKey())
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(400);
        report(scanId, "architect", ProgressStage.DONE);
        close(scanId, "COMPLETED");
        HttpResponse<String> response = pending.get();

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        String body = response.body();
        List<String> stages = List.of("\"STARTED\"", "\"CALLING_MODEL\"", "\"DONE\"", "event:end");
        int last = -1;
        for (String stage : stages) {
            int at = body.indexOf(stage);
            assertTrue(at > last, stage + " missing or out of order in:\n" + body);
            last = at;
        }
        assertTrue(body.contains("\"status\":\"COMPLETED\""), body);
    }

    @Test
    void lastEventIdResumesAfterThatEvent() throws Exception {
        UUID scanId = submit();
        report(scanId, "business", ProgressStage.STARTED);
        String firstId = redis.execute("XRANGE", ProgressEvent.streamKey(scanId), "-", "+").get(0).get(0).toString();
        report(scanId, "business", ProgressStage.FAILED);
        close(scanId, "PARTIAL");

        String body = http.send(HttpRequest.newBuilder(scans.resolve(scanId + "/events"))
                .header("Authorization", "Bearer " + AuthenticatedRestAssured.bootstrapKey()).header("Last-Event-ID", firstId)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();

        assertTrue(!body.contains("\"STARTED\"") && body.contains("\"FAILED\""), body);
        assertTrue(body.contains("\"status\":\"PARTIAL\""), body);
    }

    @Test
    void unknownScanIs404() {
        given().when().get("/api/v1/scans/" + UUID.randomUUID() + "/events").then().statusCode(404);
    }

    private static UUID submit() {
        String id = given().contentType("application/json")
                .body("{\"name\": \"progress-" + System.nanoTime() + "\", \"files\": [{\"path\": \"README.md\","
                        + " \"content\": \"# P\"}]}")
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
        return UUID.fromString(id);
    }

    private void report(UUID scanId, String role, ProgressStage stage) {
        ProgressEvent event = new ProgressEvent(scanId, 1, role, stage, null, null, Instant.now());
        redis.execute("XADD", ProgressEvent.streamKey(scanId), "*", "event", WireJson.encode(event));
    }

    private void close(UUID scanId, String status) {
        ClosedRuns.close(entityManager, scanId, status);
    }
}
