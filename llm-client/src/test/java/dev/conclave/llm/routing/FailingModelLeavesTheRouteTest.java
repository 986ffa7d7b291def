package dev.conclave.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.llm.ModelRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After failure-threshold failures in a row a model's circuit opens and routes leave it out until open-for passes. */
class FailingModelLeavesTheRouteTest {
    private static final ModelRef PRIMARY = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct:free");
    private static final ModelRef SECOND = ModelRef.parse("openrouter/qwen/qwen-2.5-72b-instruct");
    private static final ModelRef OFFLINE = ModelRef.parse(TestConfig.OFFLINE);

    private final TestConfig.ManualClock clock = new TestConfig.ManualClock();
    private final ModelRouter router = TestConfig.router(TestConfig.of(Map.of(
            "conclave.llm.roles.architect.chain", PRIMARY + "," + SECOND + "," + OFFLINE,
            "conclave.llm.providers.openrouter.api-key", "test-key",
            "conclave.llm.routing.failure-threshold", "3",
            "conclave.llm.routing.open-for", "60s")), clock);

    @Test
    void threeFailuresInARowOpenTheCircuit() {
        router.failed(PRIMARY);
        router.failed(PRIMARY);
        assertEquals(List.of(PRIMARY, SECOND, OFFLINE), route(), "two failures are below the threshold");

        router.failed(PRIMARY);

        assertEquals(CircuitState.OPEN, router.circuit(PRIMARY).state());
        assertEquals(List.of(SECOND, OFFLINE), route());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of(SECOND, OFFLINE), route(), "still open before open-for has passed");
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        router.failed(PRIMARY);
        router.failed(PRIMARY);
        router.succeeded(PRIMARY);
        router.failed(PRIMARY);
        router.failed(PRIMARY);

        assertEquals(CircuitState.CLOSED, router.circuit(PRIMARY).state());
        assertEquals(List.of(PRIMARY, SECOND, OFFLINE), route());
    }

    @Test
    void aRoleWhoseModelsAreAllOpenStillGetsItsWholeChain() {
        for (ModelRef model : List.of(PRIMARY, SECOND, OFFLINE)) {
            for (int i = 0; i < 3; i++) {
                router.failed(model);
            }
        }

        assertEquals(List.of(PRIMARY, SECOND, OFFLINE), route());
    }

    private List<ModelRef> route() {
        return router.route("architect", 2_000, 1_000);
    }
}
