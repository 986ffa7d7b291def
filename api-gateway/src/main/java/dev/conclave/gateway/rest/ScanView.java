package dev.conclave.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.persistence.RoleResultRow;
import dev.conclave.gateway.service.ScanQueries.ScanState;
import dev.conclave.model.ScanStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/scans/{id}} (the current run) and {@code GET /api/v1/scans/{id}/runs/{n}}: the
 * scan, one run's roles and, when done, its report.
 *
 * @param run         the run shown
 * @param currentRun  the scan's newest run
 * @param roles       every role of the run's report, analysed or carried ({@link RoleView#carriedFrom})
 */
public record ScanView(UUID scanId, String name, ScanStatus status, int run, int currentRun, RunSummary runInfo,
        Instant createdAt, Instant completedAt, List<RoleView> roles, List<String> missingRoles, String failureReason,
        JsonNode result) {

    /**
     * One role of the run.
     *
     * @param carriedFrom the earlier run whose result this run took over without a model call; null when analysed
     */
    public record RoleView(String role, String state, String provider, String model, boolean offline,
            String failureReason, Instant startedAt, Instant completedAt, Integer carriedFrom) {
    }

    static ScanView of(ScanState state) {
        ScanStatus status = state.status();
        var aggregation = state.aggregation();
        var run = state.run();
        List<String> missing = aggregation == null || aggregation.missingRoles() == null ? List.of()
                : aggregation.missingRoles();
        List<RoleView> roles = run.expectedRoles().stream().map(role -> {
            RoleResultRow result = state.roleResults().get(role);
            Integer carriedFrom = run.carriedRoles.get(role);
            if (result == null) {
                String pending = missing.contains(role) ? "MISSING" : "PENDING";
                return new RoleView(role, pending, null, null, false, null, null, null, carriedFrom);
            }
            return new RoleView(role, result.outcome(), result.provider(), result.model(), result.offline(),
                    result.failureReason(), result.startedAt(), result.completedAt(), carriedFrom);
        }).toList();
        return new ScanView(state.scan().id, state.scan().name, status, run.run, state.scan().currentRun,
                RunSummary.of(state), state.scan().createdAt, aggregation == null ? null : aggregation.completedAt(),
                roles, missing, aggregation == null ? null : aggregation.failureReason(),
                aggregation == null ? null : aggregation.report());
    }
}
