package dev.conclave.gateway.rest;

import dev.conclave.gateway.service.ScanQueries.ScanState;
import dev.conclave.model.ScanStatus;
import java.time.Instant;
import java.util.UUID;

/** One line of {@code GET /api/v1/scans}. */
public record ScanSummary(UUID scanId, String name, ScanStatus status, int run, Instant createdAt,
        Instant completedAt) {

    static ScanSummary of(ScanState state) {
        return new ScanSummary(state.scan().id, state.scan().name, state.status(), state.run().run,
                state.scan().createdAt, state.aggregation() == null ? null : state.aggregation().completedAt());
    }
}
