package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Runs whose deadline passed with answers missing are closed by the sweep, each exactly once, while three
 * more sweeps run at once beside the scheduled one (as several aggregator instances would), over more overdue
 * runs than one sweep claims: a run with one answer closes PARTIAL naming the two missing roles, after one
 * synthesis; a run without any answer closes FAILED without a synthesis.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class OverdueRunsAreClosedOnceBySweepsRunningAtOnceTest {
    /** More than one sweep's batch (conclave.aggregation.sweep-batch, 20). */
    private static final int RUNS = 26;
    private static final int SWEEPS = 3;

    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void eachOverdueRunClosesOnceAsWhatArrived() throws Exception {
        List<ScanRequest> answered = new ArrayList<>();
        List<ScanRequest> silent = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ScanRequest request = runs.newScan(Duration.ofMillis(300));
            closer.onRequest(request);
            if (i % 2 == 0) {
                closer.onRoleResult(runs.result(request, Runs.ROLES.getFirst()));
                answered.add(request);
            } else {
                silent.add(request);
            }
        }
        Thread.sleep(300);

        AtomicBoolean done = new AtomicBoolean();
        List<Future<?>> sweeps = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SWEEPS; i++) {
                sweeps.add(threads.submit(() -> {
                    while (!done.get()) {
                        closer.closeOverdue();
                        Thread.sleep(50);
                    }
                    return null;
                }));
            }
            try {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    for (ScanRequest request : answered) {
                        assertEquals("PARTIAL", runs.status(request.scanId(), 1), "scan " + request.scanId());
                    }
                    for (ScanRequest request : silent) {
                        assertEquals("FAILED", runs.status(request.scanId(), 1), "scan " + request.scanId());
                    }
                });
            } finally {
                done.set(true);
            }
            for (Future<?> sweep : sweeps) {
                sweep.get();
            }
        }

        for (ScanRequest request : answered) {
            assertEquals(1, runs.syntheses(request.scanId(), 1), "syntheses of scan " + request.scanId());
            assertEquals("[\"deployment\", \"business\"]", runs.missingRoles(request.scanId(), 1));
        }
        for (ScanRequest request : silent) {
            assertEquals(0, runs.syntheses(request.scanId(), 1), "syntheses of scan " + request.scanId());
            assertEquals("[\"architect\", \"deployment\", \"business\"]", runs.missingRoles(request.scanId(), 1));
        }
    }
}
