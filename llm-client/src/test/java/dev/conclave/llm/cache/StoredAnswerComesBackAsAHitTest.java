package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An answer stored once is the answer of the next identical request, and the hit says what it saved. */
@QuarkusTest
class StoredAnswerComesBackAsAHitTest {
    @Inject
    ResponseCache cache;
    @Inject
    RedisDataSource redis;

    @Test
    void theStoredAnswerIsReturnedAndTheHitRecordsTokensAndCostSaved() {
        CallScope scope = CacheEvents.newScope();
        CacheKey key = cache.key(scope.model(), CacheEvents.requestFor(scope));
        CachedAnswer stored = CacheEvents.answer();

        cache.store(key, stored, scope);
        Optional<CachedAnswer> found = cache.lookup(cache.key(scope.model(), CacheEvents.requestFor(scope)), scope);

        assertEquals(Optional.of(stored), found);
        List<CacheEventRecord> rows = CacheEvents.of(scope.scanId());
        assertEquals(List.of("STORE", "HIT"), rows.stream().map(r -> r.event).toList());
        CacheEventRecord store = rows.get(0);
        assertEquals(0, store.tokensSaved);
        assertNull(store.costSavedUsd);
        CacheEventRecord hit = rows.get(1);
        assertEquals(1500, hit.tokensSaved);
        assertEquals(0, new BigDecimal("0.001234").compareTo(hit.costSavedUsd), hit.costSavedUsd.toString());
        assertEquals(key.sha256(), hit.cacheKey);
        assertEquals("openrouter", hit.provider);
        assertEquals("meta-llama/llama-3.3-70b-instruct", hit.model);
        assertEquals("architect", hit.role);
        assertEquals(1, hit.run);
        assertEquals("llm-client-test", hit.workerInstance);
        redis.key().del(ResponseCache.redisKey(key));
    }
}
