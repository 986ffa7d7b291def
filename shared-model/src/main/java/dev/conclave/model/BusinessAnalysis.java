package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The business role's answer ({@code business_analysis} in the report).
 *
 * @param marketViability 0 to 10
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BusinessAnalysis(
        String problemSolved,
        String targetAudience,
        String monetizationStrategy,
        int marketViability,
        boolean portfolioSuitable,
        String portfolioPitch) {
}
