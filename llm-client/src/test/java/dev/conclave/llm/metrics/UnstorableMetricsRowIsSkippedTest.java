package dev.conclave.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.support.CallRows;
import dev.conclave.llm.support.SampleDigests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A metrics row is never worth a paid answer: text PostgreSQL would refuse (NUL characters, a
 * megabyte of error message) is cleaned and cut before writing, and a row that still cannot be
 * stored (a cost beyond the column's precision) is logged and skipped without blocking or throwing.
 */
@QuarkusTest
class UnstorableMetricsRowIsSkippedTest {
    @Inject
    CallRecorder recorder;

    @Test
    void longTextIsCutAndNulCharactersAreDropped() {
        UUID scanId = UUID.randomUUID();
        ModelCallRecord row = row(scanId);
        row.errorMessage = "bad\0answer " + "x".repeat(1_000_000);

        recorder.record(row);

        List<ModelCallRecord> rows = CallRows.of(scanId);
        assertEquals(1, rows.size());
        assertEquals(CallRecorder.TEXT_LIMIT, rows.get(0).errorMessage.length());
        assertTrue(rows.get(0).errorMessage.startsWith("badanswer x"), rows.get(0).errorMessage.substring(0, 20));
    }

    @Test
    void aRowTheDatabaseRefusesIsSkipped() {
        UUID scanId = UUID.randomUUID();
        ModelCallRecord row = row(scanId);
        row.costUsd = new BigDecimal("12345678901234"); // numeric(14, 8) holds 6 digits before the point

        long started = System.nanoTime();
        assertDoesNotThrow(() -> recorder.record(row));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of(), CallRows.of(scanId));
        assertTrue(tookMs < 5_000, "a refused row held the call for " + tookMs + " ms");
    }

    private static ModelCallRecord row(UUID scanId) {
        ModelCallRecord row = ModelCallRecord.of(AnalysisTask.specialist(scanId, 1, "architect", SampleDigests.greeter(),
                false), new ModelRef("offline", "conclave-offline-1"), "architect/v1", "llm-client-test", Instant.now());
        row.outcome = "FAILED";
        row.errorClass = "malformed_json";
        row.costUsd = BigDecimal.ZERO;
        row.costSource = "FREE";
        return row;
    }
}
