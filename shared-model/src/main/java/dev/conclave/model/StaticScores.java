package dev.conclave.model;

import java.util.List;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Scores computed from the file tree alone, before any model is asked.
 *
 * @param codeQuality                 0 to 10
 * @param deploymentReadinessPercent  0 to 100
 * @param documentationQualityPercent 0 to 100
 * @param findings                    what each score was computed from, so a reader can check it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StaticScores(double codeQuality, int deploymentReadinessPercent, int documentationQualityPercent,
        List<ScoreFinding> findings) {

    public StaticScores {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Scores without the findings they came from. */
    public StaticScores(double codeQuality, int deploymentReadinessPercent, int documentationQualityPercent) {
        this(codeQuality, deploymentReadinessPercent, documentationQualityPercent, List.of());
    }
}
