package dev.conclave.llm.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A provider's {@code GET /models} listing the open model again lets its trial go at once, before
 * open-for; the probe carries the key and headers and spends no tokens. Anything but a 200 listing
 * the model leaves it open.
 */
class ProbeLetsAListedModelBackEarlyTest {
    private static final String KEY = "sk-or-v1-probe-test-0000000000000000";
    private static final String MODELS = "/api/v1/models";
    private static final ModelRef LLAMA = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct:free");
    private static final ModelRef OFFLINE = ModelRef.parse(TestConfig.OFFLINE);
    private static final String LISTING = """
            {"data":[{"id":"qwen/qwen-2.5-72b-instruct","name":"Qwen2.5 72B"},
                     {"id":"meta-llama/llama-3.3-70b-instruct:free","name":"Llama 3.3 70B (free)",
                      "pricing":{"prompt":"0","completion":"0"}}]}""";

    @RegisterExtension
    static WireMockExtension openRouter = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private OpenModelProbe probe;

    @AfterEach
    void closeProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    @Test
    void aListedModelGetsItsTrialAtOnceAndTheProbeCarriesKeyAndHeaders() {
        openRouter.stubFor(get(urlEqualTo(MODELS)).willReturn(okJson(LISTING)));
        ModelRouter router = routerWithOpenLlama(KEY);

        assertEquals(List.of(LLAMA), probe.probeOpenModels());

        assertEquals(CircuitState.HALF_OPEN, router.circuit(LLAMA).state());
        assertEquals(List.of(LLAMA, OFFLINE), router.route("architect", 2_000, 1_000));
        openRouter.verify(getRequestedFor(urlEqualTo(MODELS))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("X-Title", equalTo("Conclave")));
        List<ServeEvent> requests = openRouter.getAllServeEvents();
        assertEquals(1, requests.size());
        assertTrue(requests.stream().allMatch(event -> event.getRequest().getMethod().getName().equals("GET")
                && event.getRequest().getUrl().equals(MODELS)), "only the models listing, no completion");
    }

    @Test
    void aServerErrorKeepsTheModelOpen() {
        openRouter.stubFor(get(urlEqualTo(MODELS)).willReturn(serverError().withBody("upstream down")));
        ModelRouter router = routerWithOpenLlama(KEY);

        assertEquals(List.of(), probe.probeOpenModels());

        assertEquals(CircuitState.OPEN, router.circuit(LLAMA).state());
        assertEquals(List.of(OFFLINE), router.route("architect", 2_000, 1_000));
    }

    @Test
    void aListingWithoutTheModelKeepsItOpen() {
        openRouter.stubFor(get(urlEqualTo(MODELS)).willReturn(okJson("{\"data\":[{\"id\":\"qwen/qwen-2.5-72b-instruct\"}]}")));
        ModelRouter router = routerWithOpenLlama(KEY);

        probe.probeOpenModels();

        assertEquals(CircuitState.OPEN, router.circuit(LLAMA).state());
    }

    @Test
    void aProviderWithoutAKeyIsProbedWithoutAuthorization() {
        openRouter.stubFor(get(urlEqualTo(MODELS)).willReturn(okJson(LISTING)));
        routerWithOpenLlama(null);

        probe.probeOpenModels();

        openRouter.verify(getRequestedFor(urlEqualTo(MODELS)).withHeader("Authorization", absent()));
    }

    @Test
    void closedModelsAreNotProbed() {
        openRouter.stubFor(get(urlEqualTo(MODELS)).willReturn(okJson(LISTING)));
        LlmConfig config = config(KEY);
        probe = new OpenModelProbe(config, TestConfig.router(config, new TestConfig.ManualClock()));

        probe.probeOpenModels();

        assertEquals(0, openRouter.getAllServeEvents().size());
    }

    private ModelRouter routerWithOpenLlama(String key) {
        LlmConfig config = config(key);
        ModelRouter router = TestConfig.router(config, new TestConfig.ManualClock());
        router.failed(LLAMA);
        assertEquals(CircuitState.OPEN, router.circuit(LLAMA).state());
        probe = new OpenModelProbe(config, router);
        return router;
    }

    private static LlmConfig config(String key) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "conclave.llm.roles.architect.chain", LLAMA + "," + OFFLINE,
                "conclave.llm.providers.openrouter.base-url", openRouter.baseUrl() + "/api/v1",
                "conclave.llm.providers.openrouter.requires-key", String.valueOf(key != null),
                "conclave.llm.providers.openrouter.headers.X-Title", "Conclave",
                "conclave.llm.routing.failure-threshold", "1",
                "conclave.llm.routing.probe-timeout", "2s"));
        if (key != null) {
            properties.put("conclave.llm.providers.openrouter.api-key", key);
        }
        return TestConfig.of(properties);
    }
}
