package dev.conclave.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Waits are random below a ceiling that doubles up to the cap; a longer Retry-After wins. */
class BackoffGrowsWithFullJitterTest {
    private static final Duration BASE = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(8);

    @Test
    void sameSeedGivesTheSameWaits() {
        assertEquals(waits(new Backoff(BASE, CAP, new Random(42))), waits(new Backoff(BASE, CAP, new Random(42))));
    }

    @Test
    void waitsStayBelowACeilingThatDoublesUpToTheCap() {
        Backoff backoff = new Backoff(BASE, CAP, new Random(1));
        long[] ceilings = {500, 1000, 2000, 4000, 8000, 8000};
        for (int retry = 0; retry < ceilings.length; retry++) {
            long longest = 0;
            for (int sample = 0; sample < 500; sample++) {
                long wait = backoff.delay(retry, null).toMillis();
                assertTrue(wait >= 0 && wait <= ceilings[retry], "retry " + retry + " waited " + wait + " ms");
                longest = Math.max(longest, wait);
            }
            // Full jitter uses the whole range, so the ceiling's growth shows in the longest waits.
            assertTrue(longest > ceilings[retry] * 9 / 10, "retry " + retry + " never waited near its ceiling");
        }
    }

    @Test
    void longerRetryAfterWinsAndShorterOneChangesNothing() {
        assertEquals(Duration.ofSeconds(20), new Backoff(BASE, CAP, new Random(3)).delay(0, Duration.ofSeconds(20)));
        assertEquals(new Backoff(BASE, CAP, new Random(3)).delay(4, null),
                new Backoff(BASE, CAP, new Random(3)).delay(4, Duration.ofMillis(1)));
    }

    @Test
    void manyRetriesDoNotOverflowPastTheCap() {
        Backoff backoff = new Backoff(BASE, CAP, new Random(5));
        for (int retry : new int[] {31, 63, 64, 1_000, Integer.MAX_VALUE}) {
            assertTrue(backoff.delay(retry, null).compareTo(CAP) <= 0, "retry " + retry);
        }
    }

    private static List<Duration> waits(Backoff backoff) {
        List<Duration> waits = new ArrayList<>();
        for (int retry = 0; retry < 6; retry++) {
            waits.add(backoff.delay(retry, null));
        }
        return waits;
    }
}
