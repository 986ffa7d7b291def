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
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The deadline sweeper may claim a run while its last results are still arriving (it looks every
 * second at most here, deadlines of 600 ms, the last two results spread over the deadline): whoever
 * claims it, the run is synthesised and closed exactly once.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class OverdueRunClosesOnceWhileResultsArriveTest {
    private static final int RUNS = 12;

    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void eachRunClosesOnce() throws Exception {
        List<ScanRequest> requests = new ArrayList<>();
        List<Future<?>> deliveries = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < RUNS; i++) {
                ScanRequest request = runs.newScan(Duration.ofMillis(600));
                requests.add(request);
                closer.onRequest(request);
                // One answer in time, so the run has a panel to synthesise whoever closes it.
                closer.onRoleResult(runs.result(request, Runs.ROLES.get(0)));
                for (String role : Runs.ROLES.subList(1, Runs.ROLES.size())) {
                    long delay = ThreadLocalRandom.current().nextLong(1_200);
                    deliveries.add(threads.submit(() -> {
                        Thread.sleep(delay);
                        closer.onRoleResult(runs.result(request, role));
                        return null;
                    }));
                }
            }
            for (Future<?> delivery : deliveries) {
                delivery.get();
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (ScanRequest request : requests) {
                assertTrue(Set.of("COMPLETED", "PARTIAL").contains(runs.status(request.scanId(), 1)),
                        "scan " + request.scanId() + " is " + runs.status(request.scanId(), 1));
            }
        });
        for (ScanRequest request : requests) {
            assertEquals(1, runs.syntheses(request.scanId(), 1), "syntheses of scan " + request.scanId());
        }
    }
}
