package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelCallException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * While Redis is unreachable an instance calls at its share of each limit: of a daily quota of 6 with 2
 * instances assumed, 3 attempts; when Redis had counted 2 attempts of the fleet today, 2. The refusal
 * says the quota is split. With Redis reachable the share grants nothing.
 */
class OutageShareOfTheDailyQuotaStartsFromTheFleetsCountTest {
    private static final BucketSpec DAILY = new BucketSpec("paid/model-a", "paid", "conclave.llm.providers.paid.limits",
            1_000, Duration.ofSeconds(1), 10, 0, 6, Duration.ofSeconds(1), 2);

    private final RedisReachability reachability = new RedisReachability();
    private final LocalShares shares = new LocalShares(reachability);

    @Test
    void withRedisReachableTheShareGrantsNothing() {
        BucketTry outcome = shares.take(DAILY, 0, System.nanoTime());
        assertFalse(outcome.granted());
        assertEquals(1, outcome.waitMs());
    }

    @Test
    void aNeverSeenFleetIsAssumedAndTheDayIsSplit() throws InterruptedException {
        reachability.unreachable("connection refused", System.nanoTime());
        assertEquals(3, grantsUntilRefused());
    }

    @Test
    void theShareStartsFromTheAttemptsTheFleetHadMade() throws InterruptedException {
        shares.sawFleetUsage(DAILY, 2);
        reachability.unreachable("connection refused", System.nanoTime());
        assertEquals(2, grantsUntilRefused());
    }

    private int grantsUntilRefused() throws InterruptedException {
        int granted = 0;
        while (true) {
            BucketTry outcome;
            try {
                outcome = shares.take(DAILY, 0, System.nanoTime());
            } catch (ModelCallException refused) {
                assertEquals("daily_quota_exhausted", refused.errorClass());
                assertTrue(refused.getMessage().contains("is split among 2 instances"), refused.getMessage());
                assertTrue(refused.getMessage().contains("paid.limits.requests-per-day=6"), refused.getMessage());
                return granted;
            }
            if (outcome.granted()) {
                assertEquals(LimitMode.LOCAL_SHARE, outcome.mode());
                granted++;
            } else {
                Thread.sleep(outcome.waitMs());
            }
            assertTrue(granted <= 6, "granted more than the whole day's quota");
        }
    }
}
