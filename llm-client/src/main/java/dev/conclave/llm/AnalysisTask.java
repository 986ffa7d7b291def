package dev.conclave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanDigest;
import java.util.Map;
import java.util.UUID;

/**
 * One question for one role: analyse this digest (a specialist) or synthesise these panel
 * answers (the aggregator).
 *
 * @param panel the specialists' analyses by role; empty for a specialist's own task
 */
public record AnalysisTask(UUID scanId, int run, String role, ScanDigest digest, Map<String, JsonNode> panel,
        boolean bypassCache) {

    public AnalysisTask {
        panel = Map.copyOf(panel);
    }

    public static AnalysisTask specialist(UUID scanId, int run, String role, ScanDigest digest, boolean bypassCache) {
        return new AnalysisTask(scanId, run, role, digest, Map.of(), bypassCache);
    }
}
