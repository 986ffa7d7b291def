package dev.conclave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ReplayShare;
import dev.conclave.model.RoleOverride;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScanRequest;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One question for one role: analyse this digest (a specialist) or synthesise these panel
 * answers (the aggregator).
 *
 * @param panel    the specialists' analyses by role, kept in role order; empty for a specialist's own task
 * @param override another prompt version or model chain than configured for the role; null for none
 * @param replay   the replay job the run belongs to, whose share of the rate limit its calls take; null for a live scan
 * @param tenant   the scan's tenant, recorded on every model call and cache event of the task; null reads as
 *                 {@link ScanRequest#DEFAULT_TENANT}
 */
public record AnalysisTask(UUID scanId, int run, String role, ScanDigest digest, Map<String, JsonNode> panel,
        boolean bypassCache, RoleOverride override, ReplayShare replay, String tenant) {

    public AnalysisTask {
        tenant = tenant == null || tenant.isBlank() ? ScanRequest.DEFAULT_TENANT : tenant;
        // Sorted, not Map.copyOf: that map's iteration order changes from one JVM to the next, and the panel is
        // rendered into the prompt in that order, so the same panel after a restart was a different cache key.
        panel = Collections.unmodifiableMap(new TreeMap<>(panel));
    }

    /** A task as configured, for a live scan. */
    public AnalysisTask(UUID scanId, int run, String role, ScanDigest digest, Map<String, JsonNode> panel,
            boolean bypassCache) {
        this(scanId, run, role, digest, panel, bypassCache, null, null, null);
    }

    public static AnalysisTask specialist(UUID scanId, int run, String role, ScanDigest digest, boolean bypassCache) {
        return new AnalysisTask(scanId, run, role, digest, Map.of(), bypassCache);
    }
}
