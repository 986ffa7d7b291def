package dev.conclave.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The deployment role's answer ({@code deployment_analysis} in the report). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeploymentAnalysis(
        String deploymentStrategy,
        String infrastructureRecommendations,
        List<Blocker> deploymentBlockers,
        List<String> mvpRoadmap) {

    /** Something that stops the project from being deployed, and how bad it is. */
    public record Blocker(String issue, Level severity) {
    }
}
