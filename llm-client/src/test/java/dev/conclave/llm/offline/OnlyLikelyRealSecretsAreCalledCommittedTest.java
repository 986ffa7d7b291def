package dev.conclave.llm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.Compression;
import dev.conclave.model.DeploymentAnalysis.Blocker;
import dev.conclave.model.Level;
import dev.conclave.model.ProjectKind;
import dev.conclave.model.Redactions;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.SecretFindings;
import dev.conclave.model.StaticScores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every secret-shaped value was redacted; the deployment specialist accuses only those the scanner
 * classed as likely real, and says where they are.
 */
class OnlyLikelyRealSecretsAreCalledCommittedTest {

    private final OfflineAnalyst analyst = new OfflineAnalyst();

    private static ScanDigest withSecrets(Map<String, Integer> redacted, SecretFindings findings) {
        ScanDigest base = LibraryIsJudgedByItsReleasesNotByADockerfileTest.withoutDockerfile(ProjectKind.LIBRARY, List.of());
        StaticScores scores = new StaticScores(7.0, 100, 70, List.of(), ProjectKind.LIBRARY, findings);
        return new ScanDigest(base.projectName(), base.fileCount(), base.totalBytes(), base.languages(), base.tree(),
                base.treeTruncated(), base.readme(), base.manifests(), base.facts(), scores, List.of(),
                new Redactions(redacted), Compression.NONE);
    }

    private static SecretFinding finding(String path, int line, String rule, SecretClass secretClass) {
        return new SecretFinding(path, line, rule, secretClass, "why");
    }

    @Test
    void testFixturesAndPlaceholdersAreNoBlocker() {
        ScanDigest digest = withSecrets(Map.of("url_password", 30, "private_key", 4, "bearer_token", 4),
                new SecretFindings(Map.of("example", 30, "test_fixture", 8), List.of(
                        finding("tests/certs/server.key", 1, "private_key", SecretClass.TEST_FIXTURE),
                        finding("tests/test_utils.py", 455, "url_password", SecretClass.EXAMPLE))));

        List<Blocker> blockers = analyst.deployment(digest).deploymentBlockers();

        assertTrue(blockers.stream().noneMatch(b -> b.issue().contains("secret")), blockers::toString);
    }

    @Test
    void aLikelyRealSecretIsAHighBlockerThatSaysWhereItIs() {
        ScanDigest digest = withSecrets(Map.of("aws_secret_key", 1, "private_key", 4),
                new SecretFindings(Map.of("likely_real", 1, "test_fixture", 4), List.of(
                        finding("src/requests/settings.py", 12, "aws_secret_key", SecretClass.LIKELY_REAL),
                        finding("tests/certs/server.key", 1, "private_key", SecretClass.TEST_FIXTURE))));

        Blocker first = analyst.deployment(digest).deploymentBlockers().get(0);

        assertEquals(new Blocker("1 secret is committed to the repository (aws_secret_key; at src/requests/settings.py:12):"
                + " rotate it and load it from the environment", Level.HIGH), first);
    }
}
