package dev.conclave.llm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.DeploymentAnalysis;
import dev.conclave.model.DeploymentAnalysis.Blocker;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.Level;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ProjectKind;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.StaticScores;
import dev.conclave.model.WireJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The offline deployment specialist judges a project by what its kind needs: a library (or a tool) by
 * packaging, releases, versions and CI, as the scanner found them; only a service by its runtime image.
 */
class LibraryIsJudgedByItsReleasesNotByADockerfileTest {

    private final OfflineAnalyst analyst = new OfflineAnalyst();

    /** A Python project without a Dockerfile, CI or release workflow, judged as {@code kind}. */
    static ScanDigest withoutDockerfile(ProjectKind kind, List<ScoreFinding> deploymentFindings) {
        ProjectFacts facts = new ProjectFacts(true, true, false, false, false, false, true, 20, 18,
                List.of(), List.of(), List.of("pyproject.toml"));
        return new ScanDigest("requests", 130, 900_000, List.of(new LanguageStat("Python", 36, 12_032)),
                List.of("README.md", "pyproject.toml", "src/requests/api.py"), false,
                new FileExcerpt("README.md", "# Requests\n\nHTTP for Humans.\n", false), List.of(), facts,
                new StaticScores(7.0, 50, 70, deploymentFindings, kind, SecretFindings.NONE));
    }

    private static final List<ScoreFinding> LIBRARY_WITHOUT_RELEASES = List.of(
            new ScoreFinding("deployment_readiness", "packaging", 30, "package metadata in pyproject.toml"),
            new ScoreFinding("deployment_readiness", "release_workflow", 0, "no release workflow"),
            new ScoreFinding("deployment_readiness", "versioning", 20, "history kept in HISTORY.md"),
            new ScoreFinding("deployment_readiness", "ci", 0, "no CI workflow found"));

    @Test
    void aLibraryGetsReleaseBlockersAndNoDockerfileBlocker() {
        DeploymentAnalysis analysis = analyst.deployment(withoutDockerfile(ProjectKind.LIBRARY, LIBRARY_WITHOUT_RELEASES));

        List<String> issues = analysis.deploymentBlockers().stream().map(Blocker::issue).toList();
        assertTrue(issues.stream().noneMatch(issue -> issue.contains("Dockerfile") || issue.contains(".env")), issues::toString);
        assertEquals(List.of("No release workflow: releases are built and published by hand",
                "No CI workflow: nothing builds or tests a change before it ships"), issues);
        assertTrue(analysis.deploymentStrategy().startsWith("Publish requests to PyPI"), analysis.deploymentStrategy());
        assertTrue(analysis.deploymentBlockers().stream().noneMatch(b -> b.severity() == Level.HIGH));
    }

    @Test
    void aServiceWithoutDockerfileStillHasItAsAHighBlocker() {
        DeploymentAnalysis analysis = analyst.deployment(withoutDockerfile(ProjectKind.SERVICE, List.of()));

        assertEquals(new Blocker("No Dockerfile: the project has no reproducible runtime image", Level.HIGH),
                analysis.deploymentBlockers().get(0));
    }

    @Test
    void theSynthesisOfALibraryNamesItsKindAndLeadsWithItsOwnGaps() throws Exception {
        ScanDigest digest = withoutDockerfile(ProjectKind.LIBRARY, LIBRARY_WITHOUT_RELEASES);
        Map<String, JsonNode> panel = Map.of("deployment", analyst.answer("deployment", digest, Map.of()),
                "architect", analyst.answer("architect", digest, Map.of()));

        AggregatedInsights insights = WireJson.mapper().treeToValue(analyst.answer("aggregator", digest, panel),
                AggregatedInsights.class);

        assertTrue(insights.overallAssessment().startsWith("requests (Python library)"), insights.overallAssessment());
        assertTrue(insights.topPriorities().get(0).startsWith("No release workflow"), insights.topPriorities()::toString);
        assertFalse(insights.topPriorities().stream().anyMatch(p -> p.contains("Dockerfile")));
    }
}
