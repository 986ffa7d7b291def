package dev.conclave.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.persistence.RoleResultView;
import dev.conclave.gateway.service.ScanQueries.ScanState;
import dev.conclave.model.ScanStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/scans/{id}}: the scan, each role's state and, when done, the report. */
public record ScanView(UUID scanId, String name, ScanStatus status, int run, Instant createdAt, Instant completedAt,
        List<RoleView> roles, List<String> missingRoles, String failureReason, JsonNode result) {

    /** One role of the current run. */
    public record RoleView(String role, String state, String provider, String model, boolean offline,
            String failureReason, Instant startedAt, Instant completedAt) {
    }

    static ScanView of(ScanState state) {
        ScanStatus status = state.status();
        var aggregation = state.aggregation();
        List<String> missing = aggregation == null || aggregation.missingRoles == null ? List.of()
                : aggregation.missingRoles;
        List<RoleView> roles = state.scan().roles.stream().map(role -> {
            RoleResultView result = state.roleResults().get(role);
            if (result == null) {
                String pending = missing.contains(role) ? "MISSING" : "PENDING";
                return new RoleView(role, pending, null, null, false, null, null, null);
            }
            return new RoleView(role, result.outcome, result.provider, result.model, result.offline,
                    result.failureReason, result.startedAt, result.completedAt);
        }).toList();
        return new ScanView(state.scan().id, state.scan().name, status, state.scan().currentRun,
                state.scan().createdAt, aggregation == null ? null : aggregation.completedAt, roles, missing,
                aggregation == null ? null : aggregation.failureReason,
                aggregation == null ? null : aggregation.report);
    }
}
