package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.conclave.llm.openai.OpenRouterFixture.KEY;
import static dev.conclave.llm.openai.OpenRouterFixture.always;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static dev.conclave.llm.openai.OpenRouterFixture.requestsReceived;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.openai.Attempt.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A refused key or an invalid request fails the same way on every retry and every model: stop, and say what to fix. */
class RefusedRequestIsFatalTest extends AgainstOpenRouter {
    private final RetryingCaller caller = retryingCaller(Duration.ofSeconds(5));

    @Test
    void refusedKeyNamesTheSettingButNeverTheKey() {
        // Some providers echo what they were sent; the key must not travel on in our message.
        always(openRouter, aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"message\":\"Invalid API key " + KEY + "\"}}"));

        CallFailure failure = assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));

        assertEquals(FailureClass.FATAL, failure.failureClass());
        assertEquals(1, requestsReceived(openRouter));
        assertEquals(List.of(Outcome.FAILED), attempts.outcomes());
        assertTrue(failure.getMessage().startsWith("openrouter refused the API key (401): check OPENROUTER_API_KEY"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
        assertFalse(attempts.get(0).message().contains(KEY), attempts.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403})
    void invalidOrForbiddenRequestIsNotRetried(int status) {
        always(openRouter, aResponse().withStatus(status)
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"not allowed\"}}"));

        CallFailure failure = assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));

        assertEquals(FailureClass.FATAL, failure.failureClass());
        assertEquals(status, failure.httpStatus());
        assertEquals(1, requestsReceived(openRouter));
        assertTrue(failure.getMessage().contains("(" + status + ")"), failure.getMessage());
    }
}
