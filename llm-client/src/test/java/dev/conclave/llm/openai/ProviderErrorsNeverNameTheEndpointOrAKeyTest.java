package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.conclave.llm.openai.OpenRouterFixture.KEY;
import static dev.conclave.llm.openai.OpenRouterFixture.always;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failed call's message travels to the role result, the report and API clients: it says what failed
 * and what to do, and never carries the provider's URL, the key, another header's value or a URL or
 * credential the provider echoed.
 */
class ProviderErrorsNeverNameTheEndpointOrAKeyTest extends AgainstOpenRouter {
    private static final String HEADER_SECRET = "tenant-header-3c1d9e8f7a6b";
    private static final String OTHER_TOKEN = "sk-proj-ECHOEDxTOKENx0123456789abcdef";


    private OpenAiCompatibleClient client(String baseUrl) {
        ClientSettings settings = new ClientSettings("openrouter", URI.create(baseUrl), KEY, "OPENROUTER_API_KEY",
                Map.of("X-Tenant-Secret", HEADER_SECRET), Duration.ofSeconds(2));
        return new OpenAiCompatibleClient(settings, http);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 429, 500, 502})
    void anErrorAnswerEchoingWhatWasSentIsToldWithoutIt(int status) {
        String base = openRouter.baseUrl() + "/api/v1";
        always(openRouter, aResponse().withStatus(status).withBody(("{\"error\":{\"message\":\"request to %s"
                + "/chat/completions with Authorization: Bearer %s and X-Tenant-Secret %s failed; try %s or "
                + "api_key=%s\"}}").formatted(base, KEY, HEADER_SECRET, "https://status.example.test/x?key=abc",
                OTHER_TOKEN)));

        CallFailure failure = assertThrows(CallFailure.class, () -> client(base).complete(request()));

        assertClean(failure.getMessage(), List.of(base, openRouter.baseUrl(), "127.0.0.1", KEY, HEADER_SECRET,
                OTHER_TOKEN, "status.example.test", "key=abc"));
        assertTrue(failure.getMessage().contains("(" + status + ")") || failure.getMessage().contains("HTTP " + status),
                failure.getMessage());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 403})
    void promptTextTheProviderQuotesBackIsLeftOut(int status) {
        String readme = "The quokka ledger reconciles every invoice at dawn";
        ChatRequest request = ChatRequest.of(OpenRouterFixture.MODEL, "You are a senior software architect on a panel.",
                "Assess this project.\n{\"readme\": \"# Ledger\\n\\n" + readme + ".\"}");
        always(openRouter, aResponse().withStatus(status).withBody(("{\"error\":{\"message\":\"flagged input: "
                + "'%s' (system: You are a senior software architect on a panel.)\"}}").formatted(readme)));

        CallFailure failure = assertThrows(CallFailure.class,
                () -> client(openRouter.baseUrl() + "/api/v1").complete(request));

        assertClean(failure.getMessage(), List.of("quokka ledger", "reconciles every invoice", "senior software architect"));
        assertTrue(failure.getMessage().contains("flagged input: '[prompt text]"), failure.getMessage());
    }

    @Test
    void aConnectionFailureNamesTheProviderNotItsAddress() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closed + "/private/route/v1";

        CallFailure failure = assertThrows(CallFailure.class, () -> client(base).complete(request()));

        assertClean(failure.getMessage(), List.of("127.0.0.1", ":" + closed, "/private/route", KEY));
        assertTrue(failure.getMessage().contains("at openrouter failed"), failure.getMessage());
    }

    private static void assertClean(String message, List<String> forbidden) {
        for (String part : forbidden) {
            assertFalse(message.contains(part), () -> "'" + part + "' in: " + message);
        }
        assertFalse(message.matches("(?s).*\\bhttps?://.*"), message);
    }
}
