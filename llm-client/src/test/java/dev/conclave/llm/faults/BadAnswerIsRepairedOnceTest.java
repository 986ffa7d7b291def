package dev.conclave.llm.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.AnalysisAnswer;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.FakeProvider;
import dev.conclave.llm.support.FakeProviderProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An answer that is no JSON, or JSON outside the role's schema, gets one repair request quoting
 * what was wrong; a second bad answer moves on to the next model.
 */
@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class BadAnswerIsRepairedOnceTest extends FaultTestBase {
    private static final String WRONG_SHAPE = """
            {"architecture_assessment":"Fine","design_patterns":"Repository",\
            "scalability_notes":"ok","technical_debt_priority":"urgent"}""";

    @Test
    void proseInsteadOfJsonIsRepaired() {
        FakeProvider.firstThenSuccess("primary", okJson(FakeProvider.completion(
                "Sure! The architecture is a layered service with a repository.", "stop")));

        AnalysisAnswer answer = analyse();

        assertEquals("A layered service", answer.analysis().path("architecture_assessment").asText());
        assertEquals(List.of("primary 1 FAILED malformed_json", "primary 1 SUCCEEDED repair"),
                CallRows.summary(scanId));
        String repairPrompt = FakeProvider.body(FakeProvider.requests().get(1)).path("messages").path(1)
                .path("content").asText();
        assertTrue(repairPrompt.contains("the answer contains no JSON object"), repairPrompt);
    }

    @Test
    void answerOutsideTheSchemaTwiceFallsThrough() {
        FakeProvider.always("primary", okJson(FakeProvider.completion(WRONG_SHAPE, "stop")));
        FakeProvider.always("backup", okJson(FakeProvider.completion(FakeProvider.ARCHITECT_ANSWER, "stop")));

        AnalysisAnswer answer = analyse();

        assertEquals("A layered service", answer.analysis().path("architecture_assessment").asText());
        assertEquals(List.of("primary 1 FAILED schema_violation", "primary 1 FAILED schema_violation repair",
                "backup 1 SUCCEEDED"), CallRows.summary(scanId));
        String violations = CallRows.of(scanId).get(0).errorMessage;
        assertTrue(violations.contains("$.technical_debt_priority: \"urgent\" is not one of"), violations);
        String repairPrompt = FakeProvider.body(FakeProvider.requests().get(1)).path("messages").path(1)
                .path("content").asText();
        assertTrue(repairPrompt.contains("\"urgent\" is not one of"), "the repair request quotes the violation");
    }
}
