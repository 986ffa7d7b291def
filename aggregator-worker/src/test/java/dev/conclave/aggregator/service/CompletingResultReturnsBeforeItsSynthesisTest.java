package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The result that completes a run returns once the run is claimed; its synthesis (3 s in the test profile)
 * runs on a thread of its own, so the results consumer's place is free for other runs' results meanwhile,
 * and the run still closes once.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class CompletingResultReturnsBeforeItsSynthesisTest {
    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void theCompletingResultReturnsWhileTheRunIsSynthesisedAndTheRunClosesOnce() {
        List<ScanRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(runs.newScan(Duration.ofMinutes(10)));
        }
        long started = System.nanoTime();
        for (ScanRequest request : requests) {
            closer.onRequest(request);
            for (String role : Runs.ROLES) {
                closer.onRoleResult(runs.result(request, role));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Three runs completed one after the other: one synthesis alone takes 3 s.
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "the results were recorded in " + took);
        for (ScanRequest request : requests) {
            assertEquals("SYNTHESIZING", runs.status(request.scanId(), 1), "claimed, synthesis under way");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ScanRequest request : requests) {
                assertEquals("COMPLETED", runs.status(request.scanId(), 1));
            }
        });
        for (ScanRequest request : requests) {
            assertEquals(1, runs.syntheses(request.scanId(), 1), "syntheses of scan " + request.scanId());
        }
    }
}
