package dev.conclave.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.conclave.gateway.persistence.ApiKeyEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A key's first use writes last_used_at; the uses within conclave.auth.last-used-interval (1 minute) write nothing. */
@QuarkusTest
class LastUsedIsWrittenAtMostOncePerIntervalTest {

    @Test
    void lastUsedMovesOnFirstUseAndNotOnEveryRequest() {
        String key = TestKeys.create("last used", "viewer", "default");
        assertNull(lastUsed(key), "never used yet");

        TestKeys.as(key).when().get("/api/v1/scans?limit=1").then().statusCode(200);
        Instant first = lastUsed(key);
        assertNotNull(first, "the first use is recorded");

        for (int i = 0; i < 5; i++) {
            TestKeys.as(key).when().get("/api/v1/scans?limit=1").then().statusCode(200);
        }
        assertEquals(first, lastUsed(key), "no write per request within the interval");
    }

    private static Instant lastUsed(String key) {
        String hash = ApiKeyText.parse(key).orElseThrow().hash();
        return QuarkusTransaction.requiringNew().call(() -> ApiKeyEntity.findByHash(hash).orElseThrow().lastUsedAt);
    }
}
