package dev.conclave.gateway.rest;

import dev.conclave.gateway.service.ScanQueries.ScanLine;
import dev.conclave.model.ScanStatus;
import java.time.Instant;
import java.util.UUID;

/** One line of {@code GET /api/v1/scans}. */
public record ScanSummary(UUID scanId, String name, ScanStatus status, int run, Instant createdAt,
        Instant completedAt) {

    static ScanSummary of(ScanLine line) {
        return new ScanSummary(line.scanId(), line.name(), line.status(), line.run(), line.createdAt(),
                line.completedAt());
    }
}
