package dev.conclave.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A role's answer as the worker publishes it.
 *
 * @param offline true when the offline simulator answered, so the report can say so
 */
public record AnalysisAnswer(JsonNode analysis, String provider, String model, boolean offline,
        String promptVersion) {
}
