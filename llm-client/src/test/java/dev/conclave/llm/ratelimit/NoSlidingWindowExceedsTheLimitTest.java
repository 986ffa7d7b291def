package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Many callers hammer one bucket of 10 requests per second (burst 2) for six seconds: no window of
 * one second, wherever it is placed, holds more than 12 starts, and the bucket is used to the full.
 */
@QuarkusTest
@TestProfile(LimitedProviders.class)
class NoSlidingWindowExceedsTheLimitTest {
    private static final int REQUESTS = 10;
    private static final int BURST = 2;
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration RUN = Duration.ofSeconds(6);
    private static final int CALLERS = 32;

    @Inject
    RateLimiter limiter;

    @Test
    void saturatedBucketStaysWithinRequestsPlusBurstPerWindow() throws Exception {
        ModelRef model = new ModelRef(LimitedProviders.STEADY, LimitedProviders.unique("conformance"));
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Permit> permits = new ConcurrentLinkedQueue<>();
        long began = System.nanoTime();
        long deadline = began + RUN.toNanos();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLERS; i++) {
                callers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        Permit permit = limiter.acquire(model, 0);
                        long start = System.nanoTime();
                        if (start < deadline) {
                            starts.add(start);
                            permits.add(permit);
                        }
                    }
                    return null;
                });
            }
        }

        List<Long> sorted = new ArrayList<>(starts);
        sorted.sort(null);
        int busiest = 0;
        for (int first = 0, last = 0; first < sorted.size(); first++) {
            while (last < sorted.size() && sorted.get(last) - sorted.get(first) < PERIOD.toNanos()) {
                last++;
            }
            busiest = Math.max(busiest, last - first);
        }
        long steadyFrom = began + PERIOD.toNanos();
        long steadyStarts = sorted.stream().filter(start -> start >= steadyFrom).count();
        double allowed = REQUESTS * (double) (deadline - steadyFrom) / PERIOD.toNanos();
        double utilisation = steadyStarts / allowed;
        System.out.printf("conformance: %d callers, %d starts in %d s; busiest 1 s window %d (limit %d); "
                + "after the first second %d starts of %.0f allowed: utilisation %.1f %%%n",
                CALLERS, sorted.size(), RUN.toSeconds(), busiest, REQUESTS + BURST, steadyStarts, allowed, utilisation * 100);

        assertTrue(busiest <= REQUESTS + BURST, "a one-second window held " + busiest + " starts");
        assertTrue(utilisation >= 0.95, "utilisation was only " + utilisation);
        assertTrue(permits.stream().allMatch(p -> p.mode() == LimitMode.FLEET));
        assertEquals(model.toString(), permits.peek().bucket());
    }
}
