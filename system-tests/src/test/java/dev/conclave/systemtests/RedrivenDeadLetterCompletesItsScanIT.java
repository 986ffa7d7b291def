package dev.conclave.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.LocalStack;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dead letters are a way back, not a grave: a scan request the aggregator rejects (its role is not in
 * the aggregator's known roles) is dead-lettered and indexed by the gateway; once the aggregator runs
 * with the role known (the fix), re-driving that one dead letter completes the scan. A re-drive while
 * the broker is down answers 503 and marks nothing.
 */
@SystemTest
class RedrivenDeadLetterCompletesItsScanIT {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private final Fleet fleet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RedrivenDeadLetterCompletesItsScanIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void aRequestDeadLetteredForAnUnknownRoleCompletesWhenRedrivenAfterTheFix() {
        Accepted accepted;
        JsonNode letter;
        fleet.redeploy(Fleet.AGGREGATOR_PROCESS, Map.of("CONCLAVE_SCAN_KNOWN_ROLES", "architect,deployment,security"));
        try {
            fleet.awaitStableGroups();
            accepted = fleet.scanApi().submit(ScanBody.of(ScanBody.uniqueName("redriven"), Projects.helloScript())
                    .roles("business").json());
            letter = awaitDeadLetter(accepted.scanId().toString());
            assertEquals("aggregator-intake", letter.path("group").asText(), letter::toPrettyString);
            assertTrue(letter.path("reason").asText().contains("'business'"), letter::toPrettyString);
            assertEquals("QUEUED", fleet.scanApi().scan(accepted.scanId()).path("status").asText(),
                    "no run was opened for it");
        } finally {
            fleet.redeploy(Fleet.AGGREGATOR_PROCESS, Map.of()); // the fix: the role is known again
            fleet.awaitStableGroups();
        }

        String redrive = "/api/v1/dead-letters/" + letter.path("id").asLong() + "/redrive";
        Answer first = call("POST", redrive);
        assertEquals(200, first.status(), first::toString);
        assertEquals("REDRIVEN", first.json().path("outcome").asText(), first::toString);

        JsonNode scan = fleet.scanApi().awaitFinished(accepted.scanId(), WITHIN);
        assertEquals("COMPLETED", scan.path("status").asText(), scan::toPrettyString);
        Answer again = call("POST", redrive);
        assertEquals("ALREADY_REDRIVEN", again.json().path("outcome").asText(), again::toString);
        assertEquals(1, again.json().path("redriveCount").asInt(), again::toString);
    }

    @Test
    void aRedriveWhileTheBrokerIsDownAnswers503AndMarksNothing() {
        LocalStack stack = fleet.localStack();
        String key = "redrive-broker-down-" + UUID.randomUUID();
        fleet.broker().publish(Topics.ROLE_RESULTS, key, "{not json");
        JsonNode letter = awaitDeadLetter(key);
        String path = "/api/v1/dead-letters/" + letter.path("id").asLong();

        stack.stop(LocalStack.Service.KAFKA);
        Answer refused;
        try {
            refused = call("POST", path + "/redrive");
        } finally {
            stack.start(LocalStack.Service.KAFKA);
        }
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.retryAfter() != null, "Retry-After is given");
        assertEquals(0, call("GET", path).json().path("redriveCount").asInt(), "nothing was marked");

        fleet.awaitStableGroups();
        Answer sent = await("the re-drive once the broker is back").atMost(WITHIN).pollInterval(Duration.ofSeconds(1))
                .until(() -> call("POST", path + "/redrive"), answer -> answer.status() == 200);
        assertEquals("REDRIVEN", sent.json().path("outcome").asText(), sent::toString);
    }

    /** The one dead letter of scan.requests or scan.results whose reason or key names {@code text}, once indexed. */
    private JsonNode awaitDeadLetter(String text) {
        return await("a dead letter about " + text + " in the index").atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (JsonNode item : call("GET", "/api/v1/dead-letters?limit=500").json().path("items")) {
                        if (item.path("key").asText().equals(text) || item.path("reason").asText().contains(text)) {
                            return item;
                        }
                    }
                    return null;
                }, found -> found != null);
    }

    private record Answer(int status, JsonNode json, String retryAfter) {
    }

    private Answer call(String method, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fleet.gatewayUrl() + path))
                    .header("Authorization", fleet.apiKey().bearer())
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), WireJson.mapper().readTree(response.body()),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
