package dev.conclave.systemtests.fleet;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The gateway's scan API as a client sees it: {@code POST /api/v1/scans} and {@code GET /api/v1/scans/{id}}. */
public final class ScanApi {
    private final URI base;
    private final BootstrapKey key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param key sent on every request as {@code Authorization: Bearer} */
    ScanApi(URI base, BootstrapKey key) {
        this.base = base;
        this.key = key;
    }

    public URI baseUrl() {
        return base;
    }

    /** The gateway's 202 answer. */
    public record Accepted(UUID scanId, int run, String status, String statusUrl) {
    }

    /**
     * What one {@code POST /api/v1/scans} got: 202 with the scan, another status with its body, or
     * status 0 when the gateway did not answer at all (refused, timed out).
     */
    public record Submission(int status, Accepted accepted, String body) {
        public boolean isAccepted() {
            return status == 202;
        }
    }

    /** Submits a scan and reports whatever the gateway answered; never throws for an answer or its absence. */
    public Submission trySubmit(JsonNode body) {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/scans"))
                    .header("Authorization", key.bearer())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(WireJson.encode(body)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Submission(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (answer.statusCode() != 202) {
            return new Submission(answer.statusCode(), null, answer.body());
        }
        JsonNode json = parse(answer.body());
        return new Submission(202, new Accepted(UUID.fromString(json.path("scanId").asText()), json.path("run").asInt(),
                json.path("status").asText(), json.path("statusUrl").asText()), answer.body());
    }

    /** Submits a scan; fails unless the gateway answers 202 Accepted. */
    public Accepted submit(JsonNode body) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/scans"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.encode(body))));
        if (answer.statusCode() != 202) {
            throw new AssertionError("POST /api/v1/scans answered " + answer.statusCode() + ", not 202: " + answer.body());
        }
        JsonNode json = parse(answer.body());
        return new Accepted(UUID.fromString(json.path("scanId").asText()), json.path("run").asInt(),
                json.path("status").asText(), json.path("statusUrl").asText());
    }

    /** {@code POST /api/v1/scans/{id}/cancel} (the current run), as the fleet's key; fails unless it answers 202. */
    public JsonNode cancel(UUID scanId) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/scans/" + scanId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() != 202) {
            throw new AssertionError("POST /api/v1/scans/" + scanId + "/cancel answered " + answer.statusCode()
                    + ", not 202: " + answer.body());
        }
        return parse(answer.body());
    }

    /** {@code GET /api/v1/scans/{id}}; fails unless the gateway answers 200. */
    public JsonNode scan(UUID scanId) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/scans/" + scanId)).GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/scans/" + scanId + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return parse(answer.body());
    }

    /** {@code GET} of any gateway path answering JSON; fails unless it answers {@code status}. */
    public JsonNode get(String path, int status) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (answer.statusCode() != status) {
            throw new AssertionError("GET " + path + " answered " + answer.statusCode() + ", not " + status + ": "
                    + answer.body());
        }
        return parse(answer.body());
    }

    /** {@code POST} of a JSON body (null for none) to any gateway path; fails unless it answers {@code status}. */
    public JsonNode post(String path, String body, int status) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != status) {
            throw new AssertionError("POST " + path + " answered " + answer.statusCode() + ", not " + status + ": "
                    + answer.body());
        }
        return parse(answer.body());
    }

    /** Polls one run of a scan until its status is final and returns that view. */
    public JsonNode awaitRunFinished(UUID scanId, int run, Duration within) {
        String path = "/api/v1/scans/" + scanId + "/runs/" + run;
        return await("run " + run + " of scan " + scanId + " to reach a final status")
                .atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get(path, 200), view -> ScanStatus.valueOf(view.path("status").asText()).isFinal());
    }

    /** {@code GET /api/v1/scans/{id}/events} of a finished scan: the whole Server-Sent Events body, up to {@code end}. */
    public String events(UUID scanId) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/scans/" + scanId + "/events")).GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/scans/" + scanId + "/events answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** {@code GET /api/v1/scans/{id}/runs/{n}}; fails unless the gateway answers 200. */
    public JsonNode run(UUID scanId, int run) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/scans/" + scanId + "/runs/" + run))
                .GET());
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/scans/" + scanId + "/runs/" + run + " answered " + answer.statusCode()
                    + ": " + answer.body());
        }
        return parse(answer.body());
    }

    /** Polls the scan until its status is final (COMPLETED, PARTIAL, FAILED or CANCELLED) and returns that view. */
    public JsonNode awaitFinished(UUID scanId, Duration within) {
        return await("scan " + scanId + " to reach COMPLETED, PARTIAL, FAILED or CANCELLED")
                .atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> scan(scanId), view -> ScanStatus.valueOf(view.path("status").asText()).isFinal());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", key.bearer()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway at " + base + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return WireJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the gateway answered with something that is not JSON: " + body, e);
        }
    }
}
