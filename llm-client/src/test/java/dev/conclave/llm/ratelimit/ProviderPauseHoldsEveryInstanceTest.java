package dev.conclave.llm.ratelimit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.WorkerIdentity;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.redis.RedisClients;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A provider's 429 with Retry-After, reported to one instance, holds back the next call of
 * another instance (a second limiter over the same Redis, sharing nothing in memory).
 */
@QuarkusTest
@TestProfile(LimitedProviders.class)
class ProviderPauseHoldsEveryInstanceTest {
    @Inject
    RateLimiter limiter;
    @Inject
    LlmConfig config;
    @Inject
    WorkerIdentity identity;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisClients clients;

    @Test
    void aPauseReportedElsewhereMakesTheNextAcquireWait() {
        ModelRef model = new ModelRef(LimitedProviders.STEADY, LimitedProviders.unique("paused"));
        RateLimiter otherInstance = new RateLimiter(config, identity, redis, clients);
        limiter.acquire(model, 0);

        otherInstance.pause(model, Duration.ofMillis(1_500));
        long started = System.nanoTime();
        Permit permit = limiter.acquire(model, 0);
        long waitedMs = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("pause: 1500 ms pause set by another instance, next acquire waited %d ms%n", waitedMs);
        assertTrue(waitedMs >= 1_400 && waitedMs < 3_000, "waited " + waitedMs + " ms instead of about 1.5 s");
        assertTrue(permit.waitedMs() >= 1_400);
        assertTrue(permit.mode() == LimitMode.FLEET);
    }
}
