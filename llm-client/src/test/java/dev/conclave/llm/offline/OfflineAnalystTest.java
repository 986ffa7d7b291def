package dev.conclave.llm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.AggregatedInsights;
import dev.conclave.model.ArchitectAnalysis;
import dev.conclave.model.BusinessAnalysis;
import dev.conclave.model.Compression;
import dev.conclave.model.DeploymentAnalysis;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.Level;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.Redactions;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.StaticScores;
import dev.conclave.model.WireJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline answers are deterministic, fit the role schemas and follow from the project's facts. */
class OfflineAnalystTest {
    private final OfflineAnalyst analyst = new OfflineAnalyst();

    private static ScanDigest project(boolean dockerfile, int testFiles) {
        ProjectFacts facts = new ProjectFacts(true, true, dockerfile, false, false, false, false, testFiles, 10,
                List.of(), List.of("app/main.py"), List.of("pyproject.toml"));
        return new ScanDigest("greeter", 14, 9_000, List.of(new LanguageStat("Python", 10, 800),
                new LanguageStat("Markdown", 1, 40)), List.of("README.md", "app/main.py"), false,
                new FileExcerpt("README.md", "# Greeter\n\nGreets people by name over HTTP.\n", false),
                List.of(), facts, new StaticScores(6.0, dockerfile ? 35 : 10, 60));
    }

    @Test
    void sameDigestGivesTheSameAnswer() {
        ScanDigest digest = project(false, 2);
        for (String role : List.of("architect", "deployment", "business")) {
            assertEquals(analyst.answer(role, digest, Map.of()), analyst.answer(role, digest, Map.of()), role);
        }
    }

    @Test
    void projectWithoutDockerfileHasItAsAHighDeploymentBlocker() throws Exception {
        DeploymentAnalysis without = decode(analyst.answer("deployment", project(false, 2), Map.of()), DeploymentAnalysis.class);
        DeploymentAnalysis with = decode(analyst.answer("deployment", project(true, 2), Map.of()), DeploymentAnalysis.class);

        assertTrue(without.deploymentBlockers().stream()
                .anyMatch(b -> b.issue().contains("Dockerfile") && b.severity() == Level.HIGH));
        assertFalse(with.deploymentBlockers().stream().anyMatch(b -> b.issue().contains("Dockerfile")));
    }

    @Test
    void technicalDebtFollowsTheTests() throws Exception {
        assertEquals(Level.HIGH, decode(analyst.answer("architect", project(false, 0), Map.of()), ArchitectAnalysis.class)
                .technicalDebtPriority());
        assertEquals(Level.LOW, decode(analyst.answer("architect", project(false, 5), Map.of()), ArchitectAnalysis.class)
                .technicalDebtPriority());
    }

    @Test
    void businessAnalysisQuotesTheReadmeAndStaysInRange() throws Exception {
        BusinessAnalysis business = decode(analyst.answer("business", project(false, 2), Map.of()), BusinessAnalysis.class);

        assertEquals("Greets people by name over HTTP.", business.problemSolved());
        assertTrue(business.marketViability() >= 0 && business.marketViability() <= 10);
        assertEquals("Developers working with Python", business.targetAudience());
    }

    @Test
    void synthesisHasExactlyThreePrioritiesLedByTheWorstBlocker() throws Exception {
        ScanDigest digest = project(false, 0);
        Map<String, JsonNode> panel = Map.of(
                "architect", analyst.answer("architect", digest, Map.of()),
                "deployment", analyst.answer("deployment", digest, Map.of()),
                "business", analyst.answer("business", digest, Map.of()));

        AggregatedInsights insights = decode(analyst.answer("aggregator", digest, panel), AggregatedInsights.class);

        assertEquals(3, insights.topPriorities().size());
        assertTrue(insights.topPriorities().get(0).contains("Dockerfile"), insights.topPriorities().toString());
        assertTrue(insights.vibecodibilityScore() >= 0 && insights.vibecodibilityScore() <= 10);
        assertTrue(insights.fitScore() >= 0 && insights.fitScore() <= 10);
    }

    @Test
    void aRoleAddedByConfigurationGetsAGenericAnswer() {
        JsonNode answer = analyst.answer("security", project(false, 2), Map.of());

        assertTrue(answer.path("summary").asText().startsWith("security looked at greeter"));
        assertTrue(answer.path("findings").isArray());
    }

    private static <T> T decode(JsonNode json, Class<T> type) throws Exception {
        return WireJson.mapper().treeToValue(json, type);
    }

    @Test
    void committedSecretsAreAHighDeploymentBlockerWithoutTheirValues() {
        ScanDigest base = project(true, 2);
        ScanDigest leaky = new ScanDigest(base.projectName(), base.fileCount(), base.totalBytes(), base.languages(),
                base.tree(), base.treeTruncated(), base.readme(), base.manifests(), base.facts(), base.scores(),
                List.of(), new Redactions(Map.of("aws_access_key", 1, "jwt", 2)),
                Compression.NONE);

        var blockers = analyst.deployment(leaky).deploymentBlockers();

        assertEquals("3 secrets are committed to the repository (aws_access_key, jwt): rotate them and load them"
                + " from the environment", blockers.get(0).issue());
        assertEquals(Level.HIGH, blockers.get(0).severity());
        assertTrue(analyst.deployment(base).deploymentBlockers().stream().noneMatch(b -> b.issue().contains("secret")));
    }
}
