package dev.conclave.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances share each API key's submission bucket in Redis: a key gets its burst, then
 * 429 with a Retry-After until the bucket refills at the per-minute rate, whichever instance it asks;
 * another key is unaffected.
 */
@QuarkusTest
class SubmissionsPerKeyAreRateLimitedAcrossInstancesTest {
    @Inject
    ReactiveRedisDataSource redis;

    /** Six a minute (one every 10 s), three in a row. */
    private SubmissionBucket sixAMinute() {
        return new SubmissionBucket(redis, 6, 3, Duration.ofSeconds(2));
    }

    @Test
    void aKeyGetsItsBurstThenWaitsOnEveryInstance() {
        SubmissionBucket first = sixAMinute();
        SubmissionBucket second = sixAMinute();
        UUID key = UUID.randomUUID();

        first.take(key);
        second.take(key);
        first.take(key);
        for (SubmissionBucket instance : new SubmissionBucket[] {first, second}) {
            LimitExceededException refused = assertThrows(LimitExceededException.class, () -> instance.take(key));
            assertTrue(refused.getMessage().contains("conclave.limits.submissions-per-minute=6"), refused.getMessage());
            assertTrue(refused.getMessage().contains("conclave.limits.submission-burst=3"), refused.getMessage());
            assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 10,
                    "Retry-After is when the next permit refills, at most 10 s away: " + refused.retryAfterSeconds());
        }

        UUID other = UUID.randomUUID();
        second.take(other);
        first.take(other);
    }
}
