package dev.conclave.llm.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.conclave.llm.openai.OpenRouterFixture.ANSWER;
import static dev.conclave.llm.openai.OpenRouterFixture.PATH;
import static dev.conclave.llm.openai.OpenRouterFixture.completion;
import static dev.conclave.llm.openai.OpenRouterFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A realistic OpenRouter answer becomes a ChatCompletion with its text, usage, cost and timings. */
class OpenRouterCompletionIsParsedTest extends AgainstOpenRouter {
    private final OpenAiCompatibleClient client = client(Duration.ofSeconds(5));

    @Test
    void contentUsageCostAndGenerationIdAreRead() {
        openRouter.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(completion())));

        ChatCompletion answer = client.complete(request());

        assertEquals(ANSWER, answer.content());
        assertEquals("stop", answer.finishReason());
        assertEquals("meta-llama/llama-3.3-70b-instruct", answer.answeringModel());
        assertEquals(1834, answer.promptTokens());
        assertEquals(412, answer.completionTokens());
        // Exactly the decimal OpenRouter sent, not a binary double's approximation of it.
        assertEquals(new BigDecimal("0.00052914"), answer.costUsd());
        assertEquals("gen-1741305600-Xq8bZk2LmN4pR7tY", answer.generationId());
        assertEquals(200, answer.httpStatus());
    }

    @Test
    void answeringModelIsTheOneThatAnsweredNotTheOneAskedFor() {
        openRouter.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(completion()
                .replace("\"model\":\"meta-llama/llama-3.3-70b-instruct\"", "\"model\":\"anthropic/claude-3.5-haiku\""))));

        ChatCompletion answer = client.complete(ChatRequest.of("openrouter/auto", "", "Assess this project."));

        assertEquals("anthropic/claude-3.5-haiku", answer.answeringModel());
    }

    @Test
    void costIsAbsentWhenTheProviderReportsNone() {
        openRouter.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(completion(ANSWER, "stop", null))));

        ChatCompletion answer = client.complete(request());

        assertNull(answer.costUsd());
        assertEquals(412, answer.completionTokens());
    }

    @Test
    void costKeepsEveryDigitTheProviderSent() {
        BigDecimal precise = new BigDecimal("0.000529140000000000001234");
        openRouter.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(completion(ANSWER, "stop", precise))));

        assertEquals(precise, client.complete(request()).costUsd());
    }

    @Test
    void timeToFirstByteIsWhenTheResponseStartsAndLatencyWhenItEnds() {
        // Headers at once, then the body dribbles in over 600 ms.
        openRouter.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion())
                .withChunkedDribbleDelay(6, 600)));

        ChatCompletion answer = client.complete(request());

        assertTrue(answer.latencyMs() >= 550, "latency " + answer.latencyMs() + " ms covers the whole body");
        assertTrue(answer.ttfbMs() < 400, "first byte after " + answer.ttfbMs() + " ms, before the body ended");
    }
}
