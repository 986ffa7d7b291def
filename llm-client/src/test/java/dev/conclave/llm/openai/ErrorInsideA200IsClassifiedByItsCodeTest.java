package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.conclave.llm.openai.OpenRouterFixture.ANSWER;
import static dev.conclave.llm.openai.OpenRouterFixture.always;
import static dev.conclave.llm.openai.OpenRouterFixture.completion;
import static dev.conclave.llm.openai.OpenRouterFixture.firstThenSuccess;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static dev.conclave.llm.openai.OpenRouterFixture.requestsReceived;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.openai.Attempt.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenRouter reports an upstream failure that happens after it has sent 200 inside the body; the
 * error's code decides as an HTTP status would. A generation that ends in {@code finish_reason: "error"}
 * is retried too.
 */
class ErrorInsideA200IsClassifiedByItsCodeTest extends AgainstOpenRouter {
    private final RetryingCaller caller = retryingCaller(Duration.ofSeconds(5));

    @Test
    void upstream502InsideA200IsRetried() {
        firstThenSuccess(openRouter, okJson("{\"error\":{\"code\":502,\"message\":\"Provider returned error\","
                + "\"metadata\":{\"provider_name\":\"DeepInfra\"}}}"));

        ChatCompletion answer = caller.call(request(), attempts::add);

        assertEquals(ANSWER, answer.content());
        assertEquals(List.of(Outcome.RETRIED, Outcome.SUCCEEDED), attempts.outcomes());
        Attempt first = attempts.get(0);
        assertEquals(200, first.httpStatus());
        assertEquals("error_in_body_502", first.errorClass());
        assertTrue(first.message().contains("Provider returned error"), first.message());
    }

    @Test
    void noCreditsInsideA200MovesToTheNextModelAtOnce() {
        always(openRouter, okJson("{\"error\":{\"code\":402,\"message\":\"Insufficient credits\"}}"));

        CallFailure failure = assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));

        assertEquals(FailureClass.NEXT_MODEL, failure.failureClass());
        assertEquals(1, requestsReceived(openRouter));
        assertEquals(List.of(Outcome.FAILED), attempts.outcomes());
    }

    @Test
    void generationThatEndedInErrorIsRetried() {
        firstThenSuccess(openRouter, okJson(completion("", "error", new BigDecimal("0.0001"))));

        caller.call(request(), attempts::add);

        assertEquals(List.of(Outcome.RETRIED, Outcome.SUCCEEDED), attempts.outcomes());
        assertEquals("finish_error", attempts.get(0).errorClass());
        assertEquals(new BigDecimal("0.0001"), attempts.get(0).costUsd(), "the failed generation was still billed");
    }
}
