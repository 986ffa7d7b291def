package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a report was made, computed from the per-call metrics rows of its run.
 *
 * @param modelsUsed       "provider/model" of every model that answered
 * @param totalTimeSeconds from the request to the synthesis
 * @param apiCalls         model calls that reached a provider (cache hits excluded)
 * @param offline          true when any answer came from the offline simulator
 * @param roles            the same sums per role and for the synthesis, in the order they ran
 * @param synthesisRevision which synthesis made the report ({@code conclave.aggregation.synthesis-revision}, by
 *                          default the aggregator's version); null in reports written before it was recorded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportMetadata(
        List<String> modelsUsed,
        double totalTimeSeconds,
        int cacheHits,
        int apiCalls,
        long tokens,
        BigDecimal costUsd,
        boolean offline,
        List<RoleUsage> roles,
        String synthesisRevision) {

    public ReportMetadata {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Metadata without the synthesis revision (reports written before it was recorded). */
    public ReportMetadata(List<String> modelsUsed, double totalTimeSeconds, int cacheHits, int apiCalls, long tokens,
            BigDecimal costUsd, boolean offline, List<RoleUsage> roles) {
        this(modelsUsed, totalTimeSeconds, cacheHits, apiCalls, tokens, costUsd, offline, roles, null);
    }

    /** Metadata without the per-role sums (reports written before they existed). */
    public ReportMetadata(List<String> modelsUsed, double totalTimeSeconds, int cacheHits, int apiCalls, long tokens,
            BigDecimal costUsd, boolean offline) {
        this(modelsUsed, totalTimeSeconds, cacheHits, apiCalls, tokens, costUsd, offline, List.of(), null);
    }
}
