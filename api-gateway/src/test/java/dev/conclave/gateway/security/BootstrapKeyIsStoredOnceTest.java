package dev.conclave.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.persistence.ApiKeyEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap key file's key is the operator tenant's "local admin" (every test here authenticates
 * with it), stored once however many gateways start with it at the same time.
 */
@QuarkusTest
class BootstrapKeyIsStoredOnceTest {

    @Inject
    ApiKeys keys;

    @Test
    void theFilesKeyIsTheOperatorsLocalAdmin() {
        ApiKeyText key = ApiKeyText.parse(AuthenticatedRestAssured.bootstrapKey()).orElseThrow();
        ApiKeyEntity row = QuarkusTransaction.requiringNew().call(() -> ApiKeyEntity.findByHash(key.hash()).orElseThrow());
        assertEquals("ADMIN", row.role);
        assertEquals(CurrentCaller.DEFAULT_TENANT, row.tenant);
        assertEquals(ApiKeys.BOOTSTRAP_NAME, row.name);
        assertEquals("bootstrap", row.createdBy);
    }

    @Test
    void gatewaysStartingTogetherStoreItOnce() throws Exception {
        ApiKeyText key = ApiKeyText.generate(new SecureRandom());
        List<Callable<Boolean>> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            starts.add(() -> keys.bootstrap(key));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        int stored = 0;
        try {
            for (Future<Boolean> start : pool.invokeAll(starts)) {
                stored += start.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stored, "one start stores it, the others find it there");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ApiKeyEntity.count("hash", key.hash())));
        assertEquals(false, keys.bootstrap(key), "a later start changes nothing");
    }
}
