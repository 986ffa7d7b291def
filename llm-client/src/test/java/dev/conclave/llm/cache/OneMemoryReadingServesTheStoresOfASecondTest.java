package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The headroom check before a store reads Redis' memory (INFO) at most once per
 * {@link ResponseCache#MEMORY_READING_AGE}, not once per store; every answer is still stored.
 */
@QuarkusTest
class OneMemoryReadingServesTheStoresOfASecondTest {
    private static final Pattern INFO_CALLS = Pattern.compile("cmdstat_info:calls=(\\d+)");

    @Inject
    ResponseCache cache;
    @Inject
    RedisDataSource redis;

    @Test
    void tenStoresInARowReadRedisMemoryAtMostTwice() throws Exception {
        Thread.sleep(ResponseCache.MEMORY_READING_AGE.toMillis() + 100); // whatever an earlier test read is stale
        List<CacheKey> keys = new ArrayList<>();
        long before = infoCalls();
        for (int i = 0; i < 10; i++) {
            CallScope scope = CacheEvents.newScope();
            CacheKey key = cache.key(scope.model(), CacheEvents.requestFor(scope));
            cache.store(key, CacheEvents.answer(), scope);
            keys.add(key);
        }
        // INFO commandstats is itself counted once: the stores' own INFO calls are the rest.
        long stores = infoCalls() - before - 1;

        assertTrue(stores >= 1 && stores <= 2, "INFO calls made by 10 stores: " + stores);
        for (CacheKey key : keys) {
            assertEquals(1, redis.key().exists(ResponseCache.redisKey(key)) ? 1 : 0, "stored: " + key.sha256());
            redis.key().del(ResponseCache.redisKey(key));
        }
    }

    private long infoCalls() {
        String stats = redis.execute("INFO", "commandstats").toString();
        Matcher calls = INFO_CALLS.matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }
}
