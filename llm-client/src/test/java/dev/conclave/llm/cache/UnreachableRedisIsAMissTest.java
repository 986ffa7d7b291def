package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cache whose Redis is down costs a model call, never the call itself: the lookup is a MISS, the
 * store is skipped without a STORE row, and neither throws. The cache is given a Redis client of its
 * own (conclave.llm.cache.redis-client) pointing at a port where nothing listens, the way production
 * points it at a Redis of its own.
 */
@QuarkusTest
@TestProfile(UnreachableRedisIsAMissTest.CacheRedisDown.class)
class UnreachableRedisIsAMissTest {
    public static class CacheRedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "conclave.llm.cache.redis-client", "cache",
                    // Port 1 (tcpmux) is privileged and unused: the connection is refused at once.
                    "quarkus.redis.cache.hosts", "redis://127.0.0.1:1",
                    "quarkus.redis.cache.timeout", "3s");
        }
    }

    @Inject
    ResponseCache cache;

    @Test
    void aLookupIsAMissAndAStoreIsSkipped() {
        CallScope scope = CacheEvents.newScope();
        CacheKey key = cache.key(scope.model(), CacheEvents.requestFor(scope));

        assertTrue(assertDoesNotThrow(() -> cache.lookup(key, scope)).isEmpty());
        assertDoesNotThrow(() -> cache.store(key, CacheEvents.answer(), scope));

        List<CacheEventRecord> rows = CacheEvents.of(scope.scanId());
        assertEquals(List.of("MISS"), rows.stream().map(r -> r.event).toList());
    }
}
