package dev.conclave.llm.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.cancel.CancelledRuns;
import dev.conclave.llm.cancel.RunCancelledException;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.FakeProvider;
import dev.conclave.llm.support.FakeProviderProfile;
import dev.conclave.model.RunCancel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cancel that arrives while the provider is still answering aborts the request: the role ends with
 * {@link RunCancelledException} long before the answer would have come, the attempt is recorded
 * CANCELLED at no cost, and no retry or other model follows; a cancel before the call makes none.
 */
@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class CancelAbortsTheCallInFlightTest extends FaultTestBase {
    @Inject
    CancelledRuns runs;

    @Test
    void cancelDuringTheCallAbortsItWithoutRetryOrFallback() throws Exception {
        FakeProvider.always("primary", okJson(FakeProvider.completion("{}", "stop")).withFixedDelay(60_000));
        FakeProvider.always("backup", aResponse().withStatus(500));
        try (var thread = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    analyse();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }, thread);
            // The fake provider's timeout is 1 s: the cancel lands while the first attempt waits for its answer.
            await("the call at the provider").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> FakeProvider.requests().size() == 1);

            runs.cancel(new RunCancel(scanId, 1));

            assertInstanceOf(RunCancelledException.class, outcome.get(20, TimeUnit.SECONDS));
        }
        List<String> rows = CallRows.summary(scanId);
        assertEquals("primary " + rows.size() + " CANCELLED cancelled", rows.getLast(), () -> "rows: " + rows);
        assertTrue(rows.subList(0, rows.size() - 1).stream().allMatch(row -> row.endsWith("RETRIED timeout")),
                () -> "only attempts that timed out before the cancel may precede it: " + rows);
        assertEquals(0, BigDecimal.ZERO.compareTo(CallRows.of(scanId).getLast().costUsd));
        assertEquals(rows.size(), FakeProvider.requests().size(), "no attempt after the aborted one");
        assertTrue(FakeProvider.modelsCalled().stream().allMatch("primary"::equals), "no fallback");
    }

    @Test
    void cancelBeforeTheCallMakesNone() {
        FakeProvider.always("primary", okJson(FakeProvider.completion("{}", "stop")));
        runs.cancel(new RunCancel(scanId, 1));

        assertThrows(RunCancelledException.class, this::analyse);
        assertEquals(List.of(), CallRows.summary(scanId));
        assertEquals(List.of(), FakeProvider.modelsCalled());
    }
}
