package dev.conclave.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelCaller;
import dev.conclave.llm.cache.CacheEventRecord;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.SampleDigests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every model_call and cache_event row is written under the task's tenant, including a cache hit on an answer
 * another tenant's call stored: the row is the asking tenant's. A task without a tenant is the default tenant's.
 */
@QuarkusTest
class MetricsRowsCarryTheTasksTenantTest {
    @Inject
    ModelCaller models;

    @Test
    void theRowsOfACallAndOfACacheHitBelongToTheTenantThatAsked() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        models.analyse(task(first, true, "t2"));
        models.analyse(task(second, false, "t3"));

        assertEquals(List.of("t2 false"), rows(first));
        assertEquals(List.of("t2 BYPASS", "t2 STORE"), events(first));
        assertEquals(List.of("t3 true"), rows(second), "the hit is recorded for the tenant that asked");
        assertEquals(List.of("t3 HIT"), events(second));
    }

    @Test
    void aTaskWithoutATenantIsTheDefaultTenants() {
        UUID scanId = UUID.randomUUID();

        models.analyse(AnalysisTask.specialist(scanId, 1, "architect", SampleDigests.greeter(), true));

        assertEquals(List.of("default false"), rows(scanId));
    }

    private static AnalysisTask task(UUID scanId, boolean bypassCache, String tenant) {
        return new AnalysisTask(scanId, 1, "architect", SampleDigests.greeter(), Map.of(), bypassCache, null, null, tenant);
    }

    /** "tenant cacheHit" per model_call row. */
    private static List<String> rows(UUID scanId) {
        return CallRows.of(scanId).stream().map(row -> row.tenant + " " + row.cacheHit).toList();
    }

    /** "tenant EVENT" per cache_event row, in order. */
    private static List<String> events(UUID scanId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CacheEventRecord.<CacheEventRecord>list("scanId = ?1 order by id", scanId)).stream()
                .map(event -> event.tenant + " " + event.event).toList();
    }
}
