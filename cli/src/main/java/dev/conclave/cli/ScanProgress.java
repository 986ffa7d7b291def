package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanStatus;
import java.time.Instant;
import java.util.List;

/**
 * One answer of {@code GET /api/v1/scans/{id}}.
 *
 * @param failureReason why a FAILED scan failed as a whole (the aggregator's reason), if given
 * @param result the report document (snake_case, as {@link dev.conclave.model.ScanReport} encodes
 *               it), kept as a tree so role sections this CLI has never heard of survive intact
 */
public record ScanProgress(
        String scanId,
        String name,
        ScanStatus status,
        int run,
        Instant createdAt,
        Instant completedAt,
        List<RoleProgress> roles,
        String failureReason,
        JsonNode result) {

    public ScanProgress {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** True when the run carries a report; Jackson maps a JSON null to a NullNode, not to null. */
    public boolean hasResult() {
        return result != null && result.isObject();
    }
}
