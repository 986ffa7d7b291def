package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Scores computed from the file tree alone, before any model is asked.
 *
 * @param codeQuality                 0 to 10
 * @param deploymentReadinessPercent  0 to 100
 * @param documentationQualityPercent 0 to 100
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StaticScores(double codeQuality, int deploymentReadinessPercent, int documentationQualityPercent) {
}
