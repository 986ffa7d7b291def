package dev.conclave.llm.support;

import dev.conclave.llm.metrics.ModelCallRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.UUID;

/** The metrics rows of one scan, as a test reads them back from PostgreSQL. */
public final class CallRows {
    private CallRows() {
    }

    public static List<ModelCallRecord> of(UUID scanId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ModelCallRecord.<ModelCallRecord>list("scanId = ?1 order by id", scanId));
    }

    /** "model attempt outcome errorClass" per row, e.g. {@code primary 1 RETRIED http_500}. */
    public static List<String> summary(UUID scanId) {
        return of(scanId).stream()
                .map(r -> r.requestedModel + " " + r.attempt + " " + r.outcome + (r.errorClass == null ? "" : " " + r.errorClass)
                        + (r.repair ? " repair" : ""))
                .toList();
    }
}
