package dev.conclave.llm.openai;

import dev.conclave.delivery.Backoff;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.conclave.llm.openai.OpenRouterFixture.always;
import static dev.conclave.llm.openai.OpenRouterFixture.firstThenSuccess;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static dev.conclave.llm.openai.OpenRouterFixture.requestsReceived;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.openai.Attempt.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 5xx and 408 are the provider's trouble, not ours: retried, and given up on after the last attempt. */
class ServerErrorsAreRetriedTest extends AgainstOpenRouter {
    private final RetryingCaller caller = retryingCaller(Duration.ofSeconds(5));

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void failsOnceThenSucceedsOnTheSecondAttempt(int status) {
        firstThenSuccess(openRouter, aResponse().withStatus(status)
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"upstream trouble\"}}"));

        ChatCompletion answer = caller.call(request(), attempts::add);

        assertEquals("stop", answer.finishReason());
        assertEquals(List.of(Outcome.RETRIED, Outcome.SUCCEEDED), attempts.outcomes());
        assertEquals(status, attempts.get(0).httpStatus());
        assertEquals("http_" + status, attempts.get(0).errorClass());
        assertEquals(FailureClass.RETRYABLE, attempts.get(0).failureClass());
        assertEquals(200, attempts.get(1).httpStatus());
        assertEquals(new BigDecimal("0.00052914"), attempts.get(1).costUsd());
    }

    @Test
    void persistent503IsGivenUpOnAfterThreeAttempts() {
        always(openRouter, aResponse().withStatus(503).withBody("{\"error\":{\"code\":503,\"message\":\"No instances available\"}}"));

        CallFailure failure = assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));

        assertEquals(3, requestsReceived(openRouter));
        assertEquals(List.of(Outcome.RETRIED, Outcome.RETRIED, Outcome.FAILED), attempts.outcomes());
        assertEquals(List.of(1, 2, 3), attempts.stream().map(Attempt::number).toList());
        assertEquals(FailureClass.RETRYABLE, failure.failureClass());
        assertEquals(503, failure.httpStatus());
        assertTrue(failure.getMessage().startsWith("gave up after 3 attempts"), failure.getMessage());
        assertTrue(failure.getMessage().contains("No instances available"), failure.getMessage());
    }

    @Test
    void waitsBetweenAttemptsGrowWithinTheirCeilings() {
        always(openRouter, aResponse().withStatus(502));

        assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));

        // Backoff(10 ms, 40 ms): at most 10 ms before the second attempt, 20 ms before the third.
        List<Long> waits = attempts.stream().filter(a -> a.backoff() != null).map(a -> a.backoff().toMillis()).toList();
        assertEquals(2, waits.size());
        assertTrue(waits.get(0) <= 10 && waits.get(1) <= 20, "waits " + waits);
        assertNull(attempts.get(2).backoff(), "no wait after the last attempt");
    }
}
