package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.conclave.llm.openai.OpenRouterFixture.always;
import static dev.conclave.llm.openai.OpenRouterFixture.firstThenSuccess;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static dev.conclave.llm.openai.OpenRouterFixture.requestsReceived;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.openai.Attempt.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 429 is retried, no sooner than the provider asked, and never past the deadline. */
class RateLimitedCallWaitsForTheProviderTest extends AgainstOpenRouter {
    private final RetryingCaller caller = retryingCaller(Duration.ofSeconds(5));

    @Test
    void waitsAtLeastRetryAfterThenSucceeds() {
        firstThenSuccess(openRouter, aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded: free-models-per-min\"}}"));

        long started = System.nanoTime();
        ChatCompletion answer = caller.call(request(), attempts::add);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(412, answer.completionTokens());
        assertTrue(elapsedMs >= 1000, "retried after " + elapsedMs + " ms, Retry-After said 1 s");
        assertEquals(List.of(Outcome.RETRIED, Outcome.SUCCEEDED), attempts.outcomes());
        Attempt limited = attempts.get(0);
        assertEquals(429, limited.httpStatus());
        assertEquals(FailureClass.RETRYABLE, limited.failureClass());
        assertEquals("http_429", limited.errorClass());
        assertEquals(Duration.ofSeconds(1), limited.retryAfter());
        assertTrue(limited.backoff().compareTo(Duration.ofSeconds(1)) >= 0, "backoff " + limited.backoff());
        assertEquals(2, attempts.get(1).number());
    }

    @Test
    void openRouterResetHeaderIsHonouredWhenRetryAfterIsMissing() {
        long resetAt = System.currentTimeMillis() + 800;
        firstThenSuccess(openRouter, aResponse().withStatus(429)
                .withHeader("X-RateLimit-Limit", "20").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(resetAt)));

        caller.call(request(), attempts::add);

        assertTrue(System.currentTimeMillis() >= resetAt - 50, "retried before the limit was reset");
        assertEquals(List.of(Outcome.RETRIED, Outcome.SUCCEEDED), attempts.outcomes());
        assertTrue(attempts.get(0).backoff().toMillis() >= 600, "backoff " + attempts.get(0).backoff());
    }

    @Test
    void retryAfterBeyondTheDeadlineEndsAtOnceWithoutWaiting() {
        always(openRouter, aResponse().withStatus(429).withHeader("Retry-After", "120"));

        long started = System.nanoTime();
        CallFailure failure = assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertTrue(elapsedMs < 5_000, "gave up after " + elapsedMs + " ms instead of waiting 120 s");
        assertEquals(1, requestsReceived(openRouter));
        assertEquals(List.of(Outcome.FAILED), attempts.outcomes());
        assertTrue(failure.getMessage().contains("deadline"), failure.getMessage());
        assertEquals(Duration.ofSeconds(120), failure.retryAfter().orElseThrow());
    }
}
