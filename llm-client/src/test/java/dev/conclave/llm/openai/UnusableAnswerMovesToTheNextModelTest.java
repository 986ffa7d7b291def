package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.conclave.llm.openai.OpenRouterFixture.always;
import static dev.conclave.llm.openai.OpenRouterFixture.completion;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static dev.conclave.llm.openai.OpenRouterFixture.requestsReceived;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.conclave.llm.openai.Attempt.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When this model cannot answer (unknown, unpaid, truncated, unreadable), asking it again is pointless. */
class UnusableAnswerMovesToTheNextModelTest extends AgainstOpenRouter {
    private final RetryingCaller caller = retryingCaller(Duration.ofSeconds(5));

    @Test
    void malformedJsonBodyIsNotRetried() {
        CallFailure failure = failOnce(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"gen-1\",\"choices\":[{\"message\":{\"content\":\"{\\\"archi"));

        assertEquals("malformed_response", failure.errorClass());
        assertTrue(failure.getMessage().contains("not a JSON object"), failure.getMessage());
    }

    @Test
    void answerCutOffAtTheTokenLimitIsNotRetriedButItsCostIsReported() {
        CallFailure failure = failOnce(okJson(completion("{\"architecture_assessment\":\"Layered",
                "length", new BigDecimal("0.00031"))));

        assertEquals("truncated", failure.errorClass());
        assertTrue(failure.getMessage().contains("max_tokens"), failure.getMessage());
        Attempt truncated = attempts.get(0);
        assertEquals(412, truncated.completionTokens());
        assertEquals(new BigDecimal("0.00031"), truncated.costUsd());
        assertEquals("gen-1741305600-Xq8bZk2LmN4pR7tY", truncated.generationId());
    }

    @Test
    void unknownModelIsNotRetried() {
        CallFailure failure = failOnce(aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":404,\"message\":\"No endpoints found for meta-llama/llama-9\"}}"));

        assertEquals(404, failure.httpStatus());
        assertTrue(failure.getMessage().contains("does not know openrouter/" + OpenRouterFixture.MODEL),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("No endpoints found"), failure.getMessage());
    }

    @Test
    void missingCreditsAreNotRetried() {
        CallFailure failure = failOnce(aResponse().withStatus(402)
                .withBody("{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}"));

        assertEquals(402, failure.httpStatus());
        assertTrue(failure.getMessage().contains("add credits"), failure.getMessage());
    }

    /** Calls against a server that always answers {@code response}; expects exactly one NEXT_MODEL attempt. */
    private CallFailure failOnce(ResponseDefinitionBuilder response) {
        always(openRouter, response);
        CallFailure failure = assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));
        assertEquals(FailureClass.NEXT_MODEL, failure.failureClass());
        assertEquals(1, requestsReceived(openRouter), "asked only once");
        assertEquals(List.of(Outcome.FAILED), attempts.outcomes());
        assertEquals(FailureClass.NEXT_MODEL, attempts.get(0).failureClass());
        return failure;
    }
}
