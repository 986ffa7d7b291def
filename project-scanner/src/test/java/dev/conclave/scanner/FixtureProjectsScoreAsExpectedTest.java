package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectKind;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fixture project, scanned from a directory, gets the languages, scores and findings its files
 * call for. The ranges are the hand-computed score with room for the comment share, which moves with
 * any edit to a fixture's comments; the findings pin down why.
 */
class FixtureProjectsScoreAsExpectedTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    @TempDir
    Path dir;

    private ScanDigest scan(FixtureProject fixture) throws IOException {
        ScanDigest digest = scanner.scan(fixture.writeTo(dir), fixture.name);
        for (String left : fixture.skippedText.keySet()) {
            assertFalse(digest.tree().contains(left), () -> left + " should have been left out: " + digest.tree());
        }
        return digest;
    }

    @Test
    void aPythonCommandWithOneTestAndARuffConfiguration() throws IOException {
        ScanDigest digest = scan(FixtureProject.python());

        assertEquals("Python", digest.primaryLanguage());
        assertEquals(ProjectKind.CLI, digest.scores().projectKind(), "weather/__main__.py: it runs as python -m weather");
        assertEquals(7.5, digest.scores().codeQuality(), "4 base + 2 tests + 1 ratio (1 test per 4) + 2 ruff - 1.5 TODO");
        assertEquals(60, digest.scores().deploymentReadinessPercent(), "distribution 30 + version 15 + install section 15");
        assertBetween(50, 58, digest.scores().documentationQualityPercent());
        assertEarned(digest, "lint_config", "todo_density", "readme_install", "readme_usage", "comments",
                "distribution", "versioning", "install_instructions");
        assertMissing(digest, "release_workflow", "ci", "docs_folder", "licence_file", "readme_configuration");
        assertTrue(digest.scores().findings().stream().noneMatch(f -> f.signal().equals("dockerfile")),
                "a command-line tool is not judged by a container image");
        assertFalse(digest.tree().contains(".env"), "the .gitignore'd .env stays out");
    }

    @Test
    void aTypeScriptServiceWithADockerfileAndAHealthRoute() throws IOException {
        ScanDigest digest = scan(FixtureProject.typescript());

        assertEquals("TypeScript", digest.primaryLanguage());
        assertEquals(ProjectKind.SERVICE, digest.scores().projectKind());
        assertEquals(9.3, digest.scores().codeQuality(), "4 + 2 tests + 1.3 ratio (1 test per 3) + 2 eslint");
        assertEquals(35, digest.scores().deploymentReadinessPercent(), "Dockerfile 25 + /healthz 10");
        assertBetween(20, 30, digest.scores().documentationQualityPercent());
        assertEarned(digest, "tests", "test_ratio", "lint_config", "dockerfile", "health_endpoint", "readme");
        assertMissing(digest, "ci", "compose", "kubernetes", "readme_install", "api_docs");
    }

    @Test
    void aJavaServiceWithCiAndALicence() throws IOException {
        ScanDigest digest = scan(FixtureProject.java());

        assertEquals("Java", digest.primaryLanguage());
        assertEquals(ProjectKind.SERVICE, digest.scores().projectKind(), "ShopApplication.java");
        assertEquals(8.0, digest.scores().codeQuality(), "4 + 2 tests + 2 ratio (1 test per 2)");
        assertEquals(20, digest.scores().deploymentReadinessPercent(), "CI only");
        assertBetween(35, 40, digest.scores().documentationQualityPercent());
        assertEarned(digest, "ci", "licence_file", "comments");
        assertMissing(digest, "lint_config", "dockerfile", "readme_usage");
    }

    @Test
    void aGoServiceWithEverythingButOrchestration() throws IOException {
        ScanDigest digest = scan(FixtureProject.go());

        assertEquals("Go", digest.primaryLanguage());
        assertEquals(ProjectKind.SERVICE, digest.scores().projectKind(), "a /healthz route");
        assertEquals(10.0, digest.scores().codeQuality(), "4 + 2 tests + 2 ratio + 2 golangci-lint");
        assertEquals(65, digest.scores().deploymentReadinessPercent(), "Dockerfile 25 + CI 20 + .env.example 10 + /healthz 10");
        assertBetween(55, 62, digest.scores().documentationQualityPercent());
        assertEarned(digest, "dockerfile", "ci", "env_example", "health_endpoint", "readme_configuration");
        assertMissing(digest, "kubernetes", "compose", "infrastructure_as_code", "docs_folder");
        assertTrue(digest.tree().contains("keep.out"), "re-included by !keep.out");
        assertFalse(digest.tree().contains("bin/inventory.sh"), "the anchored /bin/ folder is ignored");
    }

    @Test
    void aMonoRepoOfThreeServicesAddsUpItsPiecesFromEverySubfolder() throws IOException {
        ScanDigest digest = scan(FixtureProject.monorepo());

        List<String> languages = digest.languages().stream().map(LanguageStat::language).toList();
        assertTrue(languages.containsAll(List.of("TypeScript", "Python", "Go", "Terraform", "YAML", "Markdown")),
                languages::toString);
        assertEquals(ProjectKind.MONOREPO, digest.scores().projectKind(), "services/api and services/worker");
        assertEquals(8.1, digest.scores().codeQuality(), "4 + 2 tests + 1.6 ratio (2 tests per 5) + 2 black - 1.5 FIXME");
        assertEquals(90, digest.scores().deploymentReadinessPercent(), "all but an .env.example");
        assertBetween(75, 80, digest.scores().documentationQualityPercent());
        assertEarned(digest, "dockerfile", "ci", "kubernetes", "compose", "health_endpoint", "infrastructure_as_code",
                "docs_folder", "api_docs", "licence_file", "readme_install", "readme_licence");
        assertMissing(digest, "env_example", "readme_usage", "readme_configuration");
        assertFalse(digest.tree().contains("services/api/src/dev.local.ts"), "the nested .gitignore applies");
    }

    private static void assertBetween(int low, int high, int actual) {
        assertTrue(actual >= low && actual <= high, () -> actual + " is not within " + low + ".." + high);
    }

    /** Each signal has a finding that added points. */
    private static void assertEarned(ScanDigest digest, String... signals) {
        for (String signal : signals) {
            ScoreFinding finding = finding(digest, signal);
            assertTrue(finding.points() != 0, () -> "expected " + signal + " to move its score: " + finding);
        }
    }

    /** Each signal has a finding, worth nothing, saying what is missing. */
    private static void assertMissing(ScanDigest digest, String... signals) {
        for (String signal : signals) {
            ScoreFinding finding = finding(digest, signal);
            assertEquals(0.0, finding.points(), () -> "expected " + signal + " to be missing: " + finding);
        }
    }

    private static ScoreFinding finding(ScanDigest digest, String signal) {
        return digest.scores().findings().stream().filter(f -> f.signal().equals(signal)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + signal + " in " + digest.scores().findings()));
    }
}
