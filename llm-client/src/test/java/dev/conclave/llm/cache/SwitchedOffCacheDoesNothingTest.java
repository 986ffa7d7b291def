package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.support.OneSetting;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With conclave.llm.cache.enabled=false nothing is stored, nothing is found and no cache_event row is written. */
@QuarkusTest
@TestProfile(SwitchedOffCacheDoesNothingTest.CacheOff.class)
class SwitchedOffCacheDoesNothingTest {
    public static class CacheOff extends OneSetting {
        public CacheOff() {
            super("conclave.llm.cache.enabled", "false");
        }
    }

    @Inject
    ResponseCache cache;
    @Inject
    RedisDataSource redis;

    @Test
    void noEntryAndNoRows() {
        CallScope scope = CacheEvents.newScope();
        CacheKey key = cache.key(scope.model(), CacheEvents.requestFor(scope));

        cache.store(key, CacheEvents.answer(), scope);
        cache.bypassed(key, scope);

        assertFalse(cache.enabled());
        assertTrue(cache.lookup(key, scope).isEmpty());
        assertFalse(redis.key().exists(ResponseCache.redisKey(key)));
        assertEquals(List.of(), CacheEvents.of(scope.scanId()));
    }
}
