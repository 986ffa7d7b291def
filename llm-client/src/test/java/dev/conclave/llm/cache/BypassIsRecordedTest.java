package dev.conclave.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scan that asks for fresh answers leaves a BYPASS row for each call it did not look up. */
@QuarkusTest
class BypassIsRecordedTest {
    @Inject
    ResponseCache cache;

    @Test
    void aBypassLeavesOneBypassRow() {
        CallScope scope = CacheEvents.newScope();
        CacheKey key = cache.key(scope.model(), CacheEvents.requestFor(scope));

        cache.bypassed(key, scope);

        List<CacheEventRecord> rows = CacheEvents.of(scope.scanId());
        assertEquals(List.of("BYPASS"), rows.stream().map(r -> r.event).toList());
        assertEquals(key.sha256(), rows.get(0).cacheKey);
        assertEquals(0, rows.get(0).tokensSaved);
    }
}
