package dev.conclave.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.gateway.service.ScanQueries.ScanState;
import dev.conclave.model.RoleOverride;
import dev.conclave.model.ScanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of {@code GET /api/v1/scans/{id}/runs}: how a run was asked for and how it ended.
 *
 * @param roles        analysed in this run (their models were called)
 * @param carriedRoles taken over from an earlier run's result (role to that run)
 * @param sourceRun    the run this one was made from (null for the first)
 * @param costUsd      from the run's report: what its model calls cost (null until it is closed)
 */
public record RunSummary(int run, String origin, ScanStatus status, List<String> roles, Map<String, Integer> carriedRoles,
        Map<String, RoleOverride> overrides, boolean bypassCache, Integer sourceRun, UUID replayJobId,
        String requestedBy, Instant requestedAt, Instant cancelRequestedAt, Instant completedAt, BigDecimal costUsd,
        Integer apiCalls, Integer cacheHits) {

    static RunSummary of(ScanState state) {
        var run = state.run();
        var aggregation = state.aggregation();
        JsonNode metadata = aggregation == null || aggregation.report() == null ? null : aggregation.report().path("metadata");
        return new RunSummary(run.run, run.origin, state.status(), run.roles, run.carriedRoles, run.overrides,
                run.bypassCache, run.sourceRun, run.replayJobId, run.requestedBy, run.requestedAt, run.cancelRequestedAt,
                aggregation == null ? null : aggregation.completedAt(),
                metadata != null && metadata.path("cost_usd").isNumber() ? metadata.path("cost_usd").decimalValue() : null,
                metadata != null && metadata.path("api_calls").isNumber() ? metadata.path("api_calls").asInt() : null,
                metadata != null && metadata.path("cache_hits").isNumber() ? metadata.path("cache_hits").asInt() : null);
    }
}
