package dev.conclave.llm.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.AnalysisAnswer;
import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.FakeProvider;
import dev.conclave.llm.support.FakeProviderProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model that cannot answer — unknown to the provider, out of credits, cut off at the token limit,
 * answering with a body that is not JSON — is not retried: the next model of the chain answers.
 */
@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class UnusableModelFallsThroughTest extends FaultTestBase {

    @BeforeEach
    void backupAnswers() {
        FakeProvider.always("backup", okJson(FakeProvider.completion(FakeProvider.ARCHITECT_ANSWER, "stop")));
    }

    @Test
    void unknownModelFallsThrough() {
        FakeProvider.always("primary", aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":404,\"message\":\"No endpoints found for primary.\"}}"));

        AnalysisAnswer answer = analyse();

        assertEquals(List.of("primary 1 FAILED http_404", "backup 1 SUCCEEDED"), CallRows.summary(scanId));
        assertEquals("A layered service", answer.analysis().path("architecture_assessment").asText());
        assertTrue(CallRows.of(scanId).get(0).errorMessage.contains("does not know fake/primary (404)"),
                CallRows.of(scanId).get(0).errorMessage);
    }

    @Test
    void noCreditsFallsThrough() {
        FakeProvider.always("primary", aResponse().withStatus(402)
                .withBody("{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}"));

        analyse();

        assertEquals(List.of("primary 1 FAILED http_402", "backup 1 SUCCEEDED"), CallRows.summary(scanId));
    }

    @Test
    void answerCutOffAtTheTokenLimitFallsThrough() {
        FakeProvider.always("primary", okJson(FakeProvider.completion("{\"architecture_assessment\":\"A lay", "length")));

        analyse();

        assertEquals(List.of("primary 1 FAILED truncated", "backup 1 SUCCEEDED"), CallRows.summary(scanId));
        ModelCallRecord truncated = CallRows.of(scanId).get(0);
        assertEquals(2246, truncated.totalTokens, "the cut-off answer was billed, so its tokens are counted");
        assertEquals(0, FakeProvider.COST.compareTo(truncated.costUsd));
    }

    @Test
    void malformedResponseBodyFallsThrough() {
        FakeProvider.always("primary", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"choices\": [ {\"message\": "));

        analyse();

        assertEquals(List.of("primary 1 FAILED malformed_response", "backup 1 SUCCEEDED"), CallRows.summary(scanId));
    }
}
