package dev.conclave.llm.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.conclave.model.WireJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A WireMock server playing an OpenAI-compatible provider named {@code fake} (OpenRouter's shape:
 * usage with cost, errors inside 200 bodies), with two models, {@code primary} and {@code backup},
 * chained for the architect role. Retries back off for milliseconds and each attempt may take 1 s,
 * so fault tests are quick; cache and circuit breaking are off so tests do not see each other.
 */
public class FakeProvider implements QuarkusTestResourceLifecycleManager {
    public static final String KEY = "sk-fake-7b1c9e2d4f6a8b0c1d3e5f7a9b2c4d6e";
    public static final String PATH = "/api/v1/chat/completions";
    public static final String ARCHITECT_ANSWER = """
            {"architecture_assessment":"A layered service","design_patterns":["Repository"],\
            "scalability_notes":"Stateless; scale out behind a load balancer","technical_debt_priority":"low"}""";
    public static final BigDecimal COST = new BigDecimal("0.00052914");

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.ofEntries(
                Map.entry("conclave.llm.providers.fake.base-url", server.baseUrl() + "/api/v1"),
                Map.entry("conclave.llm.providers.fake.api-key", KEY),
                Map.entry("conclave.llm.providers.fake.api-key-env", "FAKE_API_KEY"),
                Map.entry("conclave.llm.providers.fake.include-usage", "true"),
                Map.entry("conclave.llm.providers.fake.json-schema", "false"),
                Map.entry("conclave.llm.providers.fake.timeout", "1s"),
                Map.entry("conclave.llm.providers.fake.limits.requests", "1000"),
                Map.entry("conclave.llm.providers.fake.limits.period", "1s"),
                Map.entry("conclave.llm.providers.fake.limits.burst", "1000"),
                Map.entry("conclave.llm.roles.architect.chain", "fake/primary,fake/backup"),
                Map.entry("conclave.llm.roles.deployment.chain", "offline/conclave-offline-1"),
                Map.entry("conclave.llm.roles.business.chain", "offline/conclave-offline-1"),
                Map.entry("conclave.llm.roles.aggregator.chain", "offline/conclave-offline-1"),
                Map.entry("conclave.llm.retry.backoff-base", "10ms"),
                Map.entry("conclave.llm.retry.backoff-cap", "40ms"),
                Map.entry("conclave.llm.retry.deadline", "20s"),
                Map.entry("conclave.llm.routing.failure-threshold", "1000"),
                Map.entry("conclave.llm.cache.enabled", "false"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** Every request for {@code model} gets {@code response}. */
    public static void always(String model, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                .willReturn(response));
    }

    /** The first request for {@code model} gets {@code first}, every later one a good completion. */
    public static void firstThenSuccess(String model, ResponseDefinitionBuilder first) {
        String scenario = "flaky-" + model;
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(WireMock.okJson(completion(ARCHITECT_ANSWER, "stop"))));
    }

    /** A completion as OpenRouter sends it, with usage and cost. */
    public static String completion(String content, String finishReason) {
        ObjectNode body = WireJson.mapper().createObjectNode()
                .put("id", "gen-1741305600-Xq8bZk2LmN4pR7tY")
                .put("provider", "DeepInfra")
                .put("model", "fake-upstream-model")
                .put("object", "chat.completion")
                .put("created", 1741305600);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("finish_reason", finishReason).put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        body.putObject("usage").put("prompt_tokens", 1834).put("completion_tokens", 412)
                .put("total_tokens", 2246).put("cost", COST);
        return WireJson.encode(body);
    }

    /** The requests received, oldest first. */
    public static List<ServeEvent> requests() {
        return server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate())).toList();
    }

    public static List<String> modelsCalled() {
        return requests().stream().map(event -> body(event).path("model").asText()).toList();
    }

    public static JsonNode body(ServeEvent event) {
        try {
            return WireJson.mapper().readTree(event.getRequest().getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException("the fake provider received a body that is not JSON", e);
        }
    }
}
