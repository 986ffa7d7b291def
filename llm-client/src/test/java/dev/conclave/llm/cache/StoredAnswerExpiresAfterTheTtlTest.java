package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every entry expires after conclave.llm.cache.ttl (default 168h): the cache never grows without bound. */
@QuarkusTest
class StoredAnswerExpiresAfterTheTtlTest {
    @Inject
    ResponseCache cache;
    @Inject
    RedisDataSource redis;

    @Test
    void theRedisKeyCarriesTheConfiguredTtl() {
        CallScope scope = CacheEvents.newScope();
        CacheKey key = cache.key(scope.model(), CacheEvents.requestFor(scope));

        cache.store(key, CacheEvents.answer(), scope);

        String redisKey = ResponseCache.redisKey(key);
        assertTrue(redisKey.startsWith("conclave:cache:"), redisKey);
        long ttlMs = Duration.ofHours(168).toMillis();
        long pttl = redis.key().pttl(redisKey);
        assertTrue(pttl > ttlMs - 60_000 && pttl <= ttlMs, "PTTL " + pttl + " ms, expected about " + ttlMs);
        redis.key().del(redisKey);
    }
}
