package dev.conclave.scanner.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScoreFinding;
import dev.conclave.model.StaticScores;
import dev.conclave.model.WireJson;
import dev.conclave.scanner.ProjectFile;
import dev.conclave.scanner.ProjectScanner;
import dev.conclave.scanner.ScanLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A digest a client built itself, with secrets planted in every text a prompt is made of, comes out
 * of the redactor with none of them; a digest the scanner built is left exactly as it was.
 */
class ClientBuiltDigestIsRedactedLikeAScannedOneTest {
    private final FakeSecrets fake = new FakeSecrets();
    private final String awsKey = "AKIA" + fake.upperAlnum(16);
    private final String githubToken = "ghp_" + fake.alnum(36);
    private final String privateKeyBody = fake.pemBody(4);
    private final String password = fake.password(18);
    private final String jwt = fake.jwt();
    private final DigestRedactor redactor = new DigestRedactor();

    private ScanDigest hostile() {
        String env = "AWS_ACCESS_KEY_ID=" + awsKey + "\nDB_PASSWORD=" + password + "\n";
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + privateKeyBody + "-----END RSA PRIVATE KEY-----\n";
        ProjectFacts facts = new ProjectFacts(true, false, false, false, false, false, false, 0, 1,
                List.of(".github/workflows/" + githubToken + ".yml"), List.of("main.py"), List.of("package.json"));
        StaticScores scores = new StaticScores(5.0, 50, 50,
                List.of(new ScoreFinding("code_quality", "todo_density", -1, "token " + jwt + " in a comment")));
        return new ScanDigest("shop " + githubToken, 3, 300, List.of(new LanguageStat("Python", 1, 10)),
                List.of("README.md", "keys/" + awsKey + ".pem", ".env"), false,
                new FileExcerpt("README.md", "# Shop\n\ncurl -H 'Authorization: Bearer " + jwt + "'\n", false),
                List.of(new FileExcerpt("package.json", "{\"token\": \"" + githubToken + "\"}", false)),
                facts, scores,
                List.of(new FileExcerpt(".env", env, false), new FileExcerpt("deploy/id_rsa", pem, false)),
                null, null);
    }

    @Test
    void noPlantedSecretIsLeftInAnyText() {
        String redacted = WireJson.encode(redactor.redact(hostile()));
        for (String secret : List.of(awsKey, githubToken, password, jwt, privateKeyBody.substring(0, 40))) {
            assertFalse(redacted.contains(secret), () -> secret + " left in " + redacted);
        }
        assertTrue(redacted.contains("[REDACTED:aws_access_key]"), redacted);
        assertTrue(redacted.contains("[REDACTED:private_key]"), redacted);
    }

    @Test
    void secretsFoundHereAreCountedAndListed() {
        ScanDigest redacted = redactor.redact(hostile());
        Map<String, Integer> byType = redacted.redactions().byType();
        assertTrue(byType.getOrDefault("aws_access_key", 0) >= 2, byType::toString);
        assertTrue(byType.getOrDefault("github_token", 0) >= 3, byType::toString);
        assertTrue(byType.getOrDefault("jwt", 0) >= 1, byType::toString);
        assertEquals(redacted.redactions().total(), redacted.scores().secretFindings().total());
    }

    @Test
    void aDigestFullOfSecretsIsCountedInFullButListedWithinTheLimit() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            keys.append("key_").append(i).append(" = \"AKIA").append(fake.upperAlnum(16)).append("\"\n");
        }
        ScanDigest digest = new ScanDigest("many", 1, keys.length(), List.of(), List.of("keys.py"), false, null,
                List.of(), new ProjectFacts(false, false, false, false, false, false, false, 0, 1, List.of(), List.of(),
                        List.of()), new StaticScores(5.0, 50, 50), List.of(new FileExcerpt("keys.py", keys.toString(),
                        false)), null, null);

        ScanDigest redacted = redactor.redact(digest);

        assertEquals(150, redacted.redactions().byType().get("aws_access_key"));
        assertEquals(150, redacted.scores().secretFindings().total());
        assertEquals(RedactionTally.MAX_LISTED_FINDINGS, redacted.scores().secretFindings().listed().size());
        assertFalse(redacted.sources().getFirst().content().contains("AKIA"), redacted.sources().getFirst()::content);
    }

    @Test
    void redactingTwiceChangesNothing() {
        ScanDigest once = redactor.redact(hostile());
        assertEquals(WireJson.encode(once), WireJson.encode(redactor.redact(once)));
    }

    @Test
    void aScannedDigestIsLeftAsItWas() {
        String env = "AWS_ACCESS_KEY_ID=" + awsKey + "\nDB_PASSWORD=\"" + password + "\"\nAPI_TOKEN=" + jwt + "\n";
        ScanDigest scanned = new ProjectScanner(ScanLimits.defaults()).scan(List.of(
                new ProjectFile("README.md", "# Shop\n\nRun `python main.py`.\n"),
                new ProjectFile(".env", env),
                new ProjectFile("config/settings.yaml", "github:\n  token: " + githubToken + "\n"),
                new ProjectFile("main.py", "import os\nKEY = \"" + awsKey + "\"\nprint(os.environ['DB_PASSWORD'])\n")),
                "shop");
        assertTrue(scanned.redactions().total() >= 4, scanned.redactions()::toString);
        assertEquals(WireJson.encode(scanned), WireJson.encode(redactor.redact(scanned)));
    }
}
