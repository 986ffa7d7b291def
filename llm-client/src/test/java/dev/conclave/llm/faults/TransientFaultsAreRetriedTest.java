package dev.conclave.llm.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.conclave.llm.AnalysisAnswer;
import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.FakeProvider;
import dev.conclave.llm.support.FakeProviderProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transient faults — rate limiting, failing or overloaded upstreams, broken connections, slow answers,
 * errors reported inside a 200 — are retried on the same model, and each attempt leaves its own row.
 */
@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class TransientFaultsAreRetriedTest extends FaultTestBase {

    @Test
    void rateLimitedCallWaitsForRetryAfterThenSucceeds() {
        FakeProvider.firstThenSuccess("primary", aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded: free-models-per-min\"}}"));

        AnalysisAnswer answer = analyse();

        assertEquals("A layered service", answer.analysis().path("architecture_assessment").asText());
        assertEquals(List.of("primary 1 RETRIED http_429", "primary 2 SUCCEEDED"), CallRows.summary(scanId));
        var requests = FakeProvider.requests();
        long gapMs = Duration.between(requests.get(0).getRequest().getLoggedDate().toInstant(),
                requests.get(1).getRequest().getLoggedDate().toInstant()).toMillis();
        assertTrue(gapMs >= 950, "the retry came " + gapMs + " ms after the 429 that asked for 1 s");
        assertEquals(429, CallRows.of(scanId).get(0).httpStatus);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorIsRetried(int status) {
        FakeProvider.firstThenSuccess("primary", aResponse().withStatus(status).withBody("upstream trouble"));

        analyse();

        assertEquals(List.of("primary 1 RETRIED http_" + status, "primary 2 SUCCEEDED"), CallRows.summary(scanId));
        ModelCallRecord success = CallRows.of(scanId).get(1);
        assertEquals(0, FakeProvider.COST.compareTo(success.costUsd));
        assertEquals("PROVIDER", success.costSource);
        assertEquals(2246, success.totalTokens);
        assertEquals("gen-1741305600-Xq8bZk2LmN4pR7tY", success.generationId);
    }

    @Test
    void connectionResetIsRetried() {
        FakeProvider.firstThenSuccess("primary", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        analyse();

        assertEquals(List.of("primary 1 RETRIED connection_error", "primary 2 SUCCEEDED"), CallRows.summary(scanId));
        assertEquals(null, CallRows.of(scanId).get(0).httpStatus);
    }

    @Test
    void answerSlowerThanTheTimeoutIsRetried() {
        FakeProvider.firstThenSuccess("primary", okJson(FakeProvider.completion(FakeProvider.ARCHITECT_ANSWER, "stop"))
                .withFixedDelay(2_500));

        analyse();

        assertEquals(List.of("primary 1 RETRIED timeout", "primary 2 SUCCEEDED"), CallRows.summary(scanId));
        long latency = CallRows.of(scanId).get(0).latencyMs;
        assertTrue(latency >= 900 && latency < 2_000, "the slow attempt was given up after " + latency + " ms");
    }

    @Test
    void errorInsideA200IsRetriedByItsCode() {
        FakeProvider.firstThenSuccess("primary",
                okJson("{\"error\":{\"code\":502,\"message\":\"Provider returned error\",\"metadata\":{}}}"));

        analyse();

        assertEquals(List.of("primary 1 RETRIED error_in_body_502", "primary 2 SUCCEEDED"), CallRows.summary(scanId));
    }

    @Test
    void persistentFailureGivesUpAfterThreeAttemptsAndFallsBack() {
        FakeProvider.always("primary", aResponse().withStatus(503));
        FakeProvider.always("backup", okJson(FakeProvider.completion(FakeProvider.ARCHITECT_ANSWER, "stop")));

        AnalysisAnswer answer = analyse();

        assertEquals("fake-upstream-model", answer.model());
        assertEquals(List.of("primary 1 RETRIED http_503", "primary 2 RETRIED http_503", "primary 3 FAILED http_503",
                "backup 1 SUCCEEDED"), CallRows.summary(scanId));
    }
}
