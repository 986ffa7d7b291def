package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The architect role's answer ({@code architect_analysis} in the report). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArchitectAnalysis(
        String architectureAssessment,
        List<String> designPatterns,
        String scalabilityNotes,
        Level technicalDebtPriority) {
}
