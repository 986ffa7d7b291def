package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request never answered before finds nothing and leaves a MISS that saved nothing. */
@QuarkusTest
class UnknownRequestIsAMissTest {
    @Inject
    ResponseCache cache;

    @Test
    void nothingIsFoundAndAMissIsRecorded() {
        CallScope scope = CacheEvents.newScope();
        CacheKey key = cache.key(scope.model(), CacheEvents.requestFor(scope));

        assertTrue(cache.lookup(key, scope).isEmpty());

        List<CacheEventRecord> rows = CacheEvents.of(scope.scanId());
        assertEquals(1, rows.size());
        assertEquals("MISS", rows.get(0).event);
        assertEquals(key.sha256(), rows.get(0).cacheKey);
        assertEquals(0, rows.get(0).tokensSaved);
        assertNull(rows.get(0).costSavedUsd);
    }
}
