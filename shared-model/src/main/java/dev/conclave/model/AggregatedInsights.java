package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The aggregator's synthesis of the panel ({@code aggregated_insights} in the report).
 *
 * @param topPriorities       the three things to do first
 * @param vibecodibilityScore 0 to 10
 * @param fitScore            0 to 10
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AggregatedInsights(
        String overallAssessment,
        List<String> topPriorities,
        int vibecodibilityScore,
        int fitScore) {
}
