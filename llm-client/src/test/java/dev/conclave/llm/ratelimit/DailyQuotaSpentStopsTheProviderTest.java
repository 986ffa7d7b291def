package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelCallException;
import dev.conclave.llm.ModelRef;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A provider with 3 attempts per UTC day: the fourth attempt, on any of its models, is refused
 * with a message that names the quota, when it resets and what to do.
 */
@QuarkusTest
@TestProfile(LimitedProviders.class)
class DailyQuotaSpentStopsTheProviderTest {
    @Inject
    RateLimiter limiter;

    @Test
    void theFourthAttemptOfTheDayIsRefused() {
        ModelRef one = new ModelRef(LimitedProviders.DAILY, LimitedProviders.unique("daily-a"));
        ModelRef other = new ModelRef(LimitedProviders.DAILY, LimitedProviders.unique("daily-b"));
        limiter.acquire(one, 0);
        limiter.acquire(other, 0);
        limiter.acquire(one, 0);

        ModelCallException refused = assertThrows(ModelCallException.class, () -> limiter.acquire(other, 0));

        System.out.println("daily quota: " + refused.getMessage());
        assertEquals("daily_quota_exhausted", refused.errorClass());
        String message = refused.getMessage();
        assertTrue(message.contains("daily quota of " + LimitedProviders.DAILY + " is spent: 3 of 3"), message);
        assertTrue(message.contains("conclave.llm.providers." + LimitedProviders.DAILY + ".limits.requests-per-day=3"), message);
        assertTrue(message.contains("resets at 00:00 UTC, in "), message);
        assertTrue(message.contains("another model"), message);
    }
}
