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
 * @param projectKind                 the kind of project the scores were judged as (deployment readiness
 *                                    depends on it); {@link ProjectKind#UNKNOWN} in digests from before kinds
 * @param secretFindings              secret-shaped values found, classed, by file and line: the report's
 *                                    account of them (every one was redacted regardless; see {@link Redactions})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StaticScores(double codeQuality, int deploymentReadinessPercent, int documentationQualityPercent,
        List<ScoreFinding> findings, ProjectKind projectKind, SecretFindings secretFindings) {

    public StaticScores {
        findings = findings == null ? List.of() : List.copyOf(findings);
        projectKind = projectKind == null ? ProjectKind.UNKNOWN : projectKind;
        secretFindings = secretFindings == null ? SecretFindings.NONE : secretFindings;
    }

    /** Scores with their findings, judged before project kinds and secret classes existed. */
    public StaticScores(double codeQuality, int deploymentReadinessPercent, int documentationQualityPercent,
            List<ScoreFinding> findings) {
        this(codeQuality, deploymentReadinessPercent, documentationQualityPercent, findings, ProjectKind.UNKNOWN,
                SecretFindings.NONE);
    }

    /** Scores without the findings they came from. */
    public StaticScores(double codeQuality, int deploymentReadinessPercent, int documentationQualityPercent) {
        this(codeQuality, deploymentReadinessPercent, documentationQualityPercent, List.of());
    }
}
