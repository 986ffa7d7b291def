package dev.conclave.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** {@code model-routing} is DOWN, naming the role and its models, once every model of a served role is open. */
class RoleWithEveryModelOpenIsNotReadyTest {
    private static final ModelRef LLAMA = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct");
    private static final ModelRef QWEN = ModelRef.parse("openrouter/qwen/qwen-2.5-72b-instruct");

    private final ModelRouter router = TestConfig.router(TestConfig.of(Map.of(
            "conclave.llm.roles.architect.chain", LLAMA + "|" + QWEN,
            "conclave.llm.providers.openrouter.api-key", "test-key",
            "conclave.llm.routing.failure-threshold", "1")), new TestConfig.ManualClock());
    private final ModelRoutingHealth health = new ModelRoutingHealth(router);

    @Test
    void oneOpenModelIsReportedButTheRoleStillHasAnother() {
        router.route("architect", 1_000, 1_000);
        router.failed(LLAMA);

        HealthCheckResponse response = health.call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("model-routing", response.getName());
        assertTrue(String.valueOf(response.getData().orElseThrow().get(LLAMA.toString())).startsWith("OPEN"),
                response.getData().toString());
    }

    @Test
    void everyModelOpenTakesTheInstanceOutOfReadiness() {
        router.route("architect", 1_000, 1_000);
        router.failed(LLAMA);
        router.failed(QWEN);

        HealthCheckResponse response = health.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("architect: " + LLAMA + ", " + QWEN,
                response.getData().orElseThrow().get("roles with every model open"));
    }

    @Test
    void aSuccessBringsItBack() {
        router.route("architect", 1_000, 1_000);
        router.failed(LLAMA);
        router.failed(QWEN);

        router.succeeded(QWEN);

        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
    }
}
