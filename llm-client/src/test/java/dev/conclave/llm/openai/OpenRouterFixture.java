package dev.conclave.llm.openai;

import dev.conclave.delivery.RetryPolicy;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conclave.model.WireJson;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A WireMock server standing in for OpenRouter, and the answers it gives. */
final class OpenRouterFixture {
    static final String KEY = "sk-or-v1-5f0c2a9e8d7b6a5f4e3d2c1b0a9f8e7d";
    static final String PATH = "/api/v1/chat/completions";
    static final String MODEL = "meta-llama/llama-3.3-70b-instruct";
    static final String ANSWER = """
            {"architecture_assessment":"Layered service","design_patterns":["Repository"],\
            "scalability_notes":"Stateless","technical_debt_priority":"low"}""";

    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    static HttpClient http() {
        return OpenAiCompatibleClient.newHttpClient(Duration.ofSeconds(2));
    }

    static OpenAiCompatibleClient client(WireMockExtension server, HttpClient http, Duration timeout) {
        ClientSettings settings = ClientSettings.openRouter(KEY, "https://conclave.dev", "Conclave")
                .withBaseUrl(URI.create(server.baseUrl() + "/api/v1"))
                .withTimeout(timeout);
        return new OpenAiCompatibleClient(settings, http);
    }

    /** Retries after 1 to 10 ms (seeded), so only a Retry-After makes a test wait long. */
    static RetryingCaller retrying(OpenAiCompatibleClient client, Duration deadline) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), RetryPolicy.Jitter.FULL,
                deadline, CallFailure::retry);
        return new RetryingCaller(client, policy, policy.backoff(new Random(7)));
    }

    static ChatRequest request() {
        return ChatRequest.of(MODEL, "You are the architect.", "Assess this project.").withUsage();
    }

    /** A completion as OpenRouter sends it, usage and cost included. */
    static String completion(String content, String finishReason, BigDecimal cost) {
        ObjectNode body = WireJson.mapper().createObjectNode()
                .put("id", "gen-1741305600-Xq8bZk2LmN4pR7tY")
                .put("provider", "DeepInfra")
                .put("model", MODEL)
                .put("object", "chat.completion")
                .put("created", 1741305600)
                .put("system_fingerprint", (String) null);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason).put("native_finish_reason", finishReason).put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal")
                .putNull("reasoning");
        ObjectNode usage = body.putObject("usage").put("prompt_tokens", 1834).put("completion_tokens", 412)
                .put("total_tokens", 2246);
        if (cost != null) {
            usage.put("cost", cost).put("is_byok", false);
            usage.putObject("cost_details").putNull("upstream_inference_cost");
        }
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return WireJson.encode(body);
    }

    static String completion() {
        return completion(ANSWER, "stop", new BigDecimal("0.00052914"));
    }

    /** The first request gets {@code first}, every later one a good completion. */
    static void firstThenSuccess(WireMockExtension server, ResponseDefinitionBuilder first) {
        server.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(completion())));
    }

    /** Every request gets {@code response}. */
    static void always(WireMockExtension server, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    static int requestsReceived(WireMockExtension server) {
        return server.getAllServeEvents().size();
    }

    /** The body of the request the server received, parsed. */
    static JsonNode lastRequestBody(WireMockExtension server) throws Exception {
        return WireJson.mapper().readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    /** Collects the attempts a call reports. */
    static final class Attempts extends ArrayList<Attempt> {
        List<Attempt.Outcome> outcomes() {
            return stream().map(Attempt::outcome).toList();
        }

        List<String> errorClasses() {
            return stream().map(Attempt::errorClass).toList();
        }
    }

    private OpenRouterFixture() {
    }
}
