package dev.conclave.systemtests.fleet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.conclave.model.WireJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A WireMock server in the test JVM playing OpenRouter for the fleet's workers: one model per role
 * ({@code conclave-test/<role>}), each answering schema-valid JSON after {@link #LATENCY_MS} with
 * OpenRouter's usage accounting (tokens and {@code usage.cost}), different per role so sums can be
 * checked. It records every request with its arrival time.
 */
public final class FakeOpenRouter implements AutoCloseable {
    /** Obviously fake: OpenRouter's key shape, all zeros. */
    public static final String KEY = "sk-or-v1-" + "0".repeat(64);
    public static final int LATENCY_MS = 50;
    private static final String PATH = "/api/v1/chat/completions";

    /** Per role: the answer, prompt tokens, completion tokens and cost OpenRouter reports. */
    private record Answer(String json, int promptTokens, int completionTokens, BigDecimal cost) {
    }

    private static final Map<String, Answer> ANSWERS = Map.of(
            "architect", new Answer("""
                    {"architecture_assessment":"A small Flask service with a clear route layer","design_patterns":\
                    ["Application factory"],"scalability_notes":"Stateless apart from SQLite",\
                    "technical_debt_priority":"medium"}""", 1811, 402, new BigDecimal("0.00041230")),
            "deployment", new Answer("""
                    {"deployment_strategy":"Container on a small PaaS","infrastructure_recommendations":"Managed Postgres",\
                    "deployment_blockers":[{"issue":"No Dockerfile","severity":"high"}],\
                    "mvp_roadmap":["Add a Dockerfile","Add CI"]}""", 1790, 377, new BigDecimal("0.00038911")),
            "business", new Answer("""
                    {"problem_solved":"Shared to-do lists","target_audience":"Small teams","monetization_strategy":\
                    "Freemium","market_viability":4,"portfolio_suitable":true,"portfolio_pitch":"A tidy Flask API"}""",
                    1802, 351, new BigDecimal("0.00036004")),
            // Not a role's chain: a model a re-run can ask for instead (overrides), with another blocker and price.
            "deployment-alt", new Answer("""
                    {"deployment_strategy":"Serverless functions","infrastructure_recommendations":"Managed Postgres",\
                    "deployment_blockers":[{"issue":"No health check","severity":"medium"}],\
                    "mvp_roadmap":["Add a health check"]}""", 1790, 301, new BigDecimal("0.00121000")),
            "aggregator", new Answer("""
                    {"overall_assessment":"A tidy service that is not yet deployable","top_priorities":\
                    ["Add a Dockerfile","Add CI","Move off SQLite"],"vibecodibility_score":6,"fit_score":5}""",
                    2650, 288, new BigDecimal("0.00052007")));

    private final WireMockServer server;

    public FakeOpenRouter() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(64).asynchronousResponseEnabled(true));
        server.start();
        ANSWERS.forEach((role, answer) -> server.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.model", equalTo(model(role))))
                .willReturn(okJson(completion(role, answer)).withFixedDelay(LATENCY_MS))));
        server.stubFor(get(urlEqualTo("/api/v1/models")).willReturn(okJson("{\"data\":[]}")));
    }

    /**
     * From now on every role answers prompts that mention {@code text} (a project's unique name) only
     * after {@code delayMs}, as a slow model would; other prompts keep {@link #LATENCY_MS}.
     */
    public void answerSlowly(String text, int delayMs) {
        ANSWERS.forEach((role, answer) -> server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.model", equalTo(model(role))))
                .withRequestBody(containing(text))
                .willReturn(okJson(completion(role, answer)).withFixedDelay(delayMs))));
    }

    /**
     * From now on every prompt that mentions {@code text} is answered {@code status} with {@code body}, as
     * a provider refusing a request does (and some quote back what they were sent).
     */
    public void refuse(String text, int status, String body) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(containing(text))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body).withFixedDelay(LATENCY_MS)));
    }

    /** The model id the fleet's chain names for a role. */
    public static String model(String role) {
        return "conclave-test/" + role;
    }

    public static BigDecimal costOf(String role) {
        return ANSWERS.get(role).cost();
    }

    /** What the workers set {@code OPENROUTER_BASE_URL} to. */
    public String baseUrl() {
        return server.baseUrl() + "/api/v1";
    }

    /** Chat requests whose prompt mentions {@code text} (e.g. a project's unique name), oldest first. */
    public List<ServeEvent> completionsMentioning(String text) {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(PATH))
                .filter(event -> event.getRequest().getBodyAsString().contains(text))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    public static Instant arrival(ServeEvent event) {
        return event.getRequest().getLoggedDate().toInstant();
    }

    private static String completion(String role, Answer answer) {
        ObjectNode body = WireJson.mapper().createObjectNode()
                .put("id", "gen-" + role + "-1741305600")
                .put("provider", "Chutes")
                .put("model", model(role))
                .put("object", "chat.completion")
                .put("created", 1741305600);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("finish_reason", "stop").put("native_finish_reason", "stop").put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", "```json\n" + answer.json() + "\n```")
                .putNull("refusal");
        body.putObject("usage").put("prompt_tokens", answer.promptTokens())
                .put("completion_tokens", answer.completionTokens())
                .put("total_tokens", answer.promptTokens() + answer.completionTokens())
                .put("cost", answer.cost()).put("is_byok", false);
        return WireJson.encode(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
