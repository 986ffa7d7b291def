package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A bucket of 1 000 tokens per 10 s (100 a second): a reservation that does not fit waits for the
 * refill; settling a smaller actual usage refunds at once; settling a larger one is debt the next
 * call waits out.
 */
@QuarkusTest
@TestProfile(LimitedProviders.class)
class TokenReservationWaitsAndSettleCorrectsItTest {
    @Inject
    RateLimiter limiter;

    @Test
    void reservationsWaitForTokensAndSettlementsMoveTheLevel() {
        ModelRef model = new ModelRef(LimitedProviders.TOKENS, LimitedProviders.unique("tokens"));

        Permit first = limiter.acquire(model, 600);
        assertEquals(600, first.reservedTokens());
        assertTrue(first.waitedMs() < 300, "a full bucket made the first call wait " + first.waitedMs() + " ms");

        Permit second = limiter.acquire(model, 600); // 400 left: 200 more take about 2 s to refill
        assertTrue(second.waitedMs() >= 1_500 && second.waitedMs() < 4_000,
                "the second reservation waited " + second.waitedMs() + " ms, not about 2 s");

        limiter.settle(second, 100); // 500 of the 600 come back
        Permit third = limiter.acquire(model, 450);
        assertTrue(third.waitedMs() < 300, "the refund did not reach the bucket: waited " + third.waitedMs() + " ms");

        limiter.settle(third, 650); // 200 more than reserved: the bucket is ~150 in debt
        Permit fourth = limiter.acquire(model, 50);
        assertTrue(fourth.waitedMs() >= 1_300, "the debt did not make the next call wait: " + fourth.waitedMs() + " ms");
        System.out.printf("tokens: waits %d, %d, %d, %d ms%n", first.waitedMs(), second.waitedMs(), third.waitedMs(),
                fourth.waitedMs());
    }
}
