package dev.conclave.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.support.SampleDigests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The offline simulator goes through the whole call path and leaves one metrics row, marked simulated. */
@QuarkusTest
class OfflineCallLeavesAMetricsRowTest {
    @Inject
    ModelCaller models;

    @Test
    void anOfflineAnswerIsRecorded() {
        UUID scanId = UUID.randomUUID();
        AnalysisAnswer answer = models.analyse(AnalysisTask.specialist(scanId, 1, "architect",
                SampleDigests.greeter(), false));

        assertTrue(answer.offline());
        assertTrue(answer.analysis().has("architecture_assessment"), answer.analysis().toString());
        List<ModelCallRecord> rows = QuarkusTransaction.requiringNew()
                .call(() -> ModelCallRecord.<ModelCallRecord>list("scanId", scanId));
        assertEquals(1, rows.size());
        assertEquals("SUCCEEDED", rows.get(0).outcome);
        assertTrue(rows.get(0).simulated);
        assertEquals("llm-client-test", rows.get(0).workerInstance);
    }
}
