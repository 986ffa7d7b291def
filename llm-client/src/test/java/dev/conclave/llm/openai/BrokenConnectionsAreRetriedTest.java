package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.conclave.llm.openai.OpenRouterFixture.always;
import static dev.conclave.llm.openai.OpenRouterFixture.completion;
import static dev.conclave.llm.openai.OpenRouterFixture.firstThenSuccess;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.conclave.llm.openai.Attempt.Outcome;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No response at all (reset, refused, too slow) is transient: retried, with no status and no first byte. */
class BrokenConnectionsAreRetriedTest extends AgainstOpenRouter {
    @Test
    void connectionResetByPeerIsRetried() {
        firstThenSuccess(openRouter, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        retryingCaller(Duration.ofSeconds(5)).call(request(), attempts::add);

        assertEquals(List.of(Outcome.RETRIED, Outcome.SUCCEEDED), attempts.outcomes());
        Attempt reset = attempts.get(0);
        assertEquals(FailureClass.RETRYABLE, reset.failureClass());
        assertEquals("connection_error", reset.errorClass());
        assertNull(reset.httpStatus());
        assertNull(reset.ttfbMs());
    }

    @Test
    void answerSlowerThanTheTimeoutIsAbandonedAndRetried() {
        firstThenSuccess(openRouter, okJson(completion()).withFixedDelay(3_000));

        long started = System.nanoTime();
        retryingCaller(Duration.ofMillis(400)).call(request(), attempts::add);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertEquals(List.of(Outcome.RETRIED, Outcome.SUCCEEDED), attempts.outcomes());
        Attempt slow = attempts.get(0);
        assertEquals("timeout", slow.errorClass());
        assertEquals(FailureClass.RETRYABLE, slow.failureClass());
        assertTrue(slow.latencyMs() >= 350 && slow.latencyMs() < 2_000, "timed out after " + slow.latencyMs() + " ms");
        assertTrue(elapsedMs < 2_500, "did not wait for the slow answer: " + elapsedMs + " ms");
    }

    @Test
    void alwaysSlowIsGivenUpOnWithATimeoutMessage() {
        always(openRouter, okJson(completion()).withFixedDelay(3_000));

        CallFailure failure = assertThrows(CallFailure.class,
                () -> retryingCaller(Duration.ofMillis(300)).call(request(), attempts::add));

        assertEquals(List.of("timeout", "timeout", "timeout"), attempts.errorClasses());
        assertTrue(failure.getMessage().contains("did not answer within 300 ms"), failure.getMessage());
    }

    @Test
    void refusedConnectionIsRetriedThenGivenUpOn() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClientSettings nowhere = new ClientSettings("local", URI.create("http://127.0.0.1:" + closedPort + "/v1"),
                "", "LOCAL_API_KEY", Map.of(), Duration.ofSeconds(2));
        RetryingCaller caller = OpenRouterFixture.retrying(new OpenAiCompatibleClient(nowhere, http),
                Duration.ofSeconds(10));

        CallFailure failure = assertThrows(CallFailure.class, () -> caller.call(request(), attempts::add));

        assertEquals(List.of("connection_refused", "connection_refused", "connection_refused"),
                attempts.errorClasses());
        assertEquals(FailureClass.RETRYABLE, failure.failureClass());
        // The setting to check, never the address: the message reaches API clients.
        assertTrue(failure.getMessage().contains("conclave.llm.providers.local.base-url"), failure.getMessage());
        assertFalse(failure.getMessage().contains("127.0.0.1:" + closedPort), failure.getMessage());
    }
}
