package dev.conclave.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.llm.ModelRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** After open-for, exactly one route carries the open model as a trial; its outcome closes or reopens the circuit. */
class OpenCircuitLetsOneTrialThroughTest {
    private static final ModelRef PRIMARY = ModelRef.parse("openrouter/meta-llama/llama-3.3-70b-instruct");
    private static final ModelRef OFFLINE = ModelRef.parse(TestConfig.OFFLINE);

    private final TestConfig.ManualClock clock = new TestConfig.ManualClock();
    private final ModelRouter router = TestConfig.router(TestConfig.of(Map.of(
            "conclave.llm.roles.architect.chain", PRIMARY + "," + OFFLINE,
            "conclave.llm.providers.openrouter.api-key", "test-key",
            "conclave.llm.routing.failure-threshold", "2",
            "conclave.llm.routing.open-for", "30s")), clock);

    @Test
    void aSuccessfulTrialClosesTheCircuit() {
        open();
        clock.advance(Duration.ofSeconds(30));

        assertEquals(List.of(PRIMARY, OFFLINE), route(), "the trial");
        assertEquals(CircuitState.HALF_OPEN, router.circuit(PRIMARY).state());
        assertEquals(List.of(OFFLINE), route(), "only one trial at a time");
        router.succeeded(PRIMARY);

        assertEquals(CircuitState.CLOSED, router.circuit(PRIMARY).state());
        assertEquals(List.of(PRIMARY, OFFLINE), route());
        assertEquals(List.of(PRIMARY, OFFLINE), route());
    }

    @Test
    void aFailedTrialOpensTheCircuitForAnotherOpenFor() {
        open();
        clock.advance(Duration.ofSeconds(30));
        route();

        router.failed(PRIMARY);

        assertEquals(CircuitState.OPEN, router.circuit(PRIMARY).state());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(OFFLINE), route());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(PRIMARY, OFFLINE), route());
    }

    @Test
    void aTrialThatNobodyReportsOnIsHandedOutAgainAfterOpenFor() {
        open();
        clock.advance(Duration.ofSeconds(30));
        route(); // the caller succeeded elsewhere and never called the trial model

        clock.advance(Duration.ofSeconds(30));

        assertEquals(List.of(PRIMARY, OFFLINE), route());
    }

    @Test
    void concurrentRoutesHandOutTheTrialOnce() throws Exception {
        open();
        clock.advance(Duration.ofSeconds(30));
        List<Callable<List<ModelRef>>> routes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            routes.add(this::route);
        }

        long trials;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            trials = 0;
            for (Future<List<ModelRef>> route : threads.invokeAll(routes)) {
                trials += route.get().contains(PRIMARY) ? 1 : 0;
            }
        }

        assertEquals(1, trials);
    }

    private void open() {
        router.failed(PRIMARY);
        router.failed(PRIMARY);
        assertEquals(List.of(OFFLINE), route());
    }

    private List<ModelRef> route() {
        return router.route("architect", 2_000, 1_000);
    }
}
