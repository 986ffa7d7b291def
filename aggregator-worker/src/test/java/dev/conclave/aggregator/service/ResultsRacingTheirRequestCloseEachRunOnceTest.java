package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Role results may reach the aggregator before their run's request: in either order, or racing it
 * on separate threads, every run is claimed and closed exactly once, long before its deadline.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class ResultsRacingTheirRequestCloseEachRunOnceTest {
    private static final int RUNS_PER_ORDER = 15;
    /** Far away: a run closed by the sweeper would fail the await below. */
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void resultsBeforeTheirRequest() throws Exception {
        List<ScanRequest> requests = scans();
        inParallel(requests, request -> {
            for (String role : Runs.ROLES) {
                closer.onRoleResult(runs.result(request, role));
            }
            closer.onRequest(request);
        });
        assertEachClosedOnce(requests);
    }

    @Test
    void requestBeforeItsResults() throws Exception {
        List<ScanRequest> requests = scans();
        inParallel(requests, request -> {
            closer.onRequest(request);
            for (String role : Runs.ROLES) {
                closer.onRoleResult(runs.result(request, role));
            }
        });
        assertEachClosedOnce(requests);
    }

    @Test
    void requestAndResultsOnRacingThreads() throws Exception {
        List<ScanRequest> requests = scans();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> deliveries = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ScanRequest request : requests) {
                List<Runnable> messages = new ArrayList<>();
                messages.add(() -> closer.onRequest(request));
                Runs.ROLES.forEach(role -> messages.add(() -> closer.onRoleResult(runs.result(request, role))));
                Collections.shuffle(messages);
                for (Runnable message : messages) {
                    deliveries.add(threads.submit(() -> {
                        start.await();
                        message.run();
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> delivery : deliveries) {
                delivery.get(); // a message that threw fails the test
            }
        }
        assertEachClosedOnce(requests);
    }

    private List<ScanRequest> scans() {
        List<ScanRequest> requests = new ArrayList<>();
        for (int i = 0; i < RUNS_PER_ORDER; i++) {
            requests.add(runs.newScan(DEADLINE));
        }
        return requests;
    }

    private interface Delivery {
        void deliver(ScanRequest request);
    }

    /** Delivers the messages of each scan in order, the scans concurrently. */
    private static void inParallel(List<ScanRequest> requests, Delivery delivery) throws Exception {
        List<Future<?>> deliveries = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ScanRequest request : requests) {
                deliveries.add(threads.submit(() -> delivery.deliver(request)));
            }
            for (Future<?> future : deliveries) {
                future.get();
            }
        }
    }

    private void assertEachClosedOnce(List<ScanRequest> requests) {
        // Syntheses take 3 s each and run concurrently; the deadline is 10 minutes away.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (ScanRequest request : requests) {
                assertEquals("COMPLETED", runs.status(request.scanId(), 1), "scan " + request.scanId());
            }
        });
        for (ScanRequest request : requests) {
            assertEquals(1, runs.syntheses(request.scanId(), 1), "syntheses of scan " + request.scanId());
            assertEquals(3, runs.roleResults(request.scanId(), 1), "role results of scan " + request.scanId());
        }
    }
}
