package dev.conclave.llm.openai;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.conclave.llm.openai.OpenRouterFixture.Attempts;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test class against a WireMock server standing in for OpenRouter ({@link OpenRouterFixture}): one HTTP client per
 * test, closed after it, the attempts a caller reported, and clients and callers of the mock.
 */
abstract class AgainstOpenRouter {
    @RegisterExtension
    static WireMockExtension openRouter = OpenRouterFixture.server();

    final HttpClient http = OpenRouterFixture.http();
    final Attempts attempts = new Attempts();

    @AfterEach
    void closeHttp() {
        http.close();
    }

    /** A client of the mock that waits {@code timeout} for each response. */
    OpenAiCompatibleClient client(Duration timeout) {
        return OpenRouterFixture.client(openRouter, http, timeout);
    }

    /** {@link #client} under the test retry policy, with 20 s for the whole call. */
    RetryingCaller retryingCaller(Duration timeout) {
        return OpenRouterFixture.retrying(client(timeout), Duration.ofSeconds(20));
    }
}
