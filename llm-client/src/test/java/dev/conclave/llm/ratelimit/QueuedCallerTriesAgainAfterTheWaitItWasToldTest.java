package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * A caller whose first try is told to wait joins the bucket's queue and, at its head, tries again; after
 * that it waits what each try says (plus at most a tenth) until a try is granted. A provider's pause is counted down on this instance in whole milliseconds and forgotten once over.
 */
class QueuedCallerTriesAgainAfterTheWaitItWasToldTest {
    private static final BucketSpec UNLIMITED = new BucketSpec("offline/sim", "offline", "conclave.llm.providers.offline.limits",
            0, Duration.ofSeconds(1), 0, 0, 0, Duration.ofSeconds(1), 1);

    @Test
    void theQueueTriesAgainAfterEachWaitUntilGranted() throws InterruptedException {
        Queue<BucketTry> answers = new ArrayDeque<>(List.of(BucketTry.waitFor(30), BucketTry.waitFor(30),
                BucketTry.grantedByShare()));
        int[] tries = {0};
        long started = System.nanoTime();

        BucketTry granted = new BucketQueues().take("paid/model", () -> {
            tries[0]++;
            return answers.remove();
        });

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(granted.granted());
        assertEquals(3, tries[0]);
        assertTrue(tookMs >= 30, "waited only " + tookMs + " ms after the queued try was told 30 ms");
    }

    @Test
    void aPauseIsCountedDownAndForgotten() throws InterruptedException {
        ProviderPauses pauses = new ProviderPauses(null, new RedisReachability()); // unlimited: Redis is not asked
        long now = System.nanoTime();
        assertEquals(0, pauses.remainingMs(UNLIMITED.name(), now));

        pauses.pause(UNLIMITED, Duration.ofMillis(80));
        long remaining = pauses.remainingMs(UNLIMITED.name(), System.nanoTime());
        assertTrue(remaining > 0 && remaining <= 80, remaining + " ms");

        Thread.sleep(remaining + 5);
        assertEquals(0, pauses.remainingMs(UNLIMITED.name(), System.nanoTime()));
    }
}
