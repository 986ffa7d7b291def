package dev.conclave.systemtests.fleet;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** The gateway's replay API as a client sees it: {@code POST /api/v1/replays} and {@code GET /api/v1/replays/{id}}. */
public final class ReplayApi {
    private final ScanApi scans;
    private final URI base;

    public ReplayApi(ScanApi scans) {
        this.scans = scans;
        this.base = scans.baseUrl();
    }

    /** A dry run's estimate; fails unless the gateway answers 200. */
    public JsonNode dryRun(String body) {
        return post(body, 200);
    }

    /** Starts a job; fails unless the gateway answers 202. Returns the job. */
    public JsonNode start(String body) {
        return post(body, 202);
    }

    public JsonNode job(String id) {
        HttpResponse<String> answer = scans.send(HttpRequest.newBuilder(base.resolve("/api/v1/replays/" + id)).GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/replays/" + id + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return ScanApi.parse(answer.body());
    }

    /** Polls the job until it ended (COMPLETED, CANCELLED, FAILED) and returns it. */
    public JsonNode awaitEnded(String id, Duration within) {
        return await("replay job " + id + " to end").atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> job(id), job -> Set.of("COMPLETED", "CANCELLED", "FAILED").contains(job.path("status").asText()));
    }

    private JsonNode post(String body, int expected) {
        HttpResponse<String> answer = scans.send(HttpRequest.newBuilder(base.resolve("/api/v1/replays"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != expected) {
            throw new AssertionError("POST /api/v1/replays answered " + answer.statusCode() + ", not " + expected + ": "
                    + answer.body());
        }
        return ScanApi.parse(answer.body());
    }
}
