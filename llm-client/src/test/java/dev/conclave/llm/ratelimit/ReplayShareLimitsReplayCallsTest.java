package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import dev.conclave.model.ReplayShare;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A replay job at a 20 % share and live scans hammer one bucket of 10 requests per second at once,
 * each with many more callers than the bucket serves: by Redis' clock no window of the run holds
 * more replay grants than the share allows (2 a second, plus the one permit the job's bucket starts
 * with), and live calls get at least the rest of what the fleet granted. Asserted on grants, not on
 * wall-clock counts, so a loaded machine slows the test without failing it.
 */
@QuarkusTest
@TestProfile(LimitedProviders.class)
class ReplayShareLimitsReplayCallsTest {
    private static final int REQUESTS = 10;
    private static final double SHARE = 0.2;
    private static final Duration RUN = Duration.ofSeconds(6);
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int CALLERS = 16;

    @Inject
    RateLimiter limiter;

    @Test
    void replayCallsStayWithinTheirShareWhileLiveCallsTakeTheRest() throws Exception {
        ModelRef model = new ModelRef(LimitedProviders.STEADY, LimitedProviders.unique("replay-share"));
        ReplayShare replay = new ReplayShare(UUID.randomUUID(), SHARE);
        AtomicInteger replayStarts = new AtomicInteger();
        AtomicInteger liveStarts = new AtomicInteger();
        ConcurrentLinkedQueue<String> replayModes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Instant> replayGrants = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + RUN.toNanos();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLERS; i++) {
                callers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        Permit permit = limiter.acquire(model, 0, replay);
                        if (System.nanoTime() < deadline) {
                            replayStarts.incrementAndGet();
                            replayModes.add(permit.recordedMode());
                            replayGrants.add(permit.replayShare().grantedAt());
                        }
                    }
                    return null;
                });
                callers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        limiter.acquire(model, 0);
                        if (System.nanoTime() < deadline) {
                            liveStarts.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        List<Instant> grants = new ArrayList<>(replayGrants);
        grants.sort(null);
        int busiest = 0;
        for (int first = 0, last = 0; first < grants.size(); first++) {
            while (last < grants.size() && Duration.between(grants.get(first), grants.get(last)).compareTo(WINDOW) < 0) {
                last++;
            }
            busiest = Math.max(busiest, last - first);
        }
        // The job's bucket starts full with one permit (a 20 % share of burst 2 is no burst of its own).
        double allowed = SHARE * REQUESTS * WINDOW.toSeconds() + 1;
        int total = replayStarts.get() + liveStarts.get();
        System.out.printf("[replay-share] %d s at %d/s, share %.0f %%: %d replay and %d live starts; busiest %d s window "
                + "held %d replay grants (at most %.0f)%n", RUN.toSeconds(), REQUESTS, SHARE * 100, replayStarts.get(),
                liveStarts.get(), WINDOW.toSeconds(), busiest, allowed);

        assertTrue(busiest <= allowed, "a " + WINDOW.toSeconds() + " s window held " + busiest + " replay grants; the "
                + "share allows " + allowed);
        assertTrue(replayStarts.get() > 0, "the replay made no progress at all");
        assertTrue(liveStarts.get() >= (1 - SHARE) * total, "live calls got only " + liveStarts.get() + " of " + total
                + " starts");
        assertEquals(replayStarts.get(), replayModes.stream().filter("FLEET+REPLAY_SHARE"::equals).count(),
                "every replay call says in its row that the replay share decided too: " + replayModes);
    }
}
