package dev.conclave.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The result document of one scan run. Each role's analysis appears as {@code <role>_analysis}
 * at the top level (architect_analysis, deployment_analysis, business_analysis, and any role
 * added by configuration), beside {@code aggregated_insights}, {@code metadata} and the static
 * scores.
 *
 * @param notice set when the answers are simulated (offline provider) or the run is partial
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"schema_version", "scan_id", "run", "project_name", "status", "notice", "static_scores"})
public record ScanReport(
        int schemaVersion,
        UUID scanId,
        int run,
        String projectName,
        ScanStatus status,
        String notice,
        StaticScores staticScores,
        @JsonIgnore Map<String, JsonNode> roleAnalyses,
        AggregatedInsights aggregatedInsights,
        List<String> missingRoles,
        List<String> failedRoles,
        ReportMetadata metadata) {

    /** The report field that holds a role's analysis. */
    public static String sectionName(String role) {
        return role + "_analysis";
    }

    @JsonAnyGetter
    public Map<String, JsonNode> roleSections() {
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        roleAnalyses.forEach((role, analysis) -> sections.put(sectionName(role), analysis));
        return sections;
    }
}
