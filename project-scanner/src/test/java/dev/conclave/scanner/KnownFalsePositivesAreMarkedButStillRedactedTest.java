package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanDigest;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.scanner.redact.FakeSecrets;
import dev.conclave.scanner.redact.KnownFalsePositives;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A project lists findings it knows are not secrets in .conclave-false-positives (path and rule a
 * line): they are reported as marked, still redacted; the rest stay as they were.
 */
class KnownFalsePositivesAreMarkedButStillRedactedTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());
    private final FakeSecrets fake = new FakeSecrets();

    @Test
    void aListedPathAndRuleIsMarkedAndEverythingElseIsNot() {
        String devPassword = fake.password(16);
        String prodPassword = fake.password(16);
        List<ProjectFile> files = List.of(
                new ProjectFile(".conclave-false-positives", """
                        # local development only; the container is never reachable from outside
                        config/dev/*.yml   secret_assignment
                        config/prod/db.yml
                        """),
                new ProjectFile("config/dev/db.yml", "database:\n  password: " + devPassword + "\n"),
                new ProjectFile("config/prod/db.yml", "database:\n  password: " + prodPassword + "\n"),
                new ProjectFile("app/main.py", "print('hello')\n"));

        ScanDigest digest = scanner.scan(files, "marked");
        var secrets = digest.scores().secretFindings();

        assertEquals(2, digest.redactions().total(), "both are still redacted");
        assertEquals(List.of(new SecretFinding("config/dev/db.yml", 2, "secret_assignment",
                SecretClass.MARKED_FALSE_POSITIVE, "listed in .conclave-false-positives (line 2)")),
                secrets.listed(SecretClass.MARKED_FALSE_POSITIVE));
        assertEquals(List.of("config/prod/db.yml"), secrets.listed(SecretClass.LIKELY_REAL).stream()
                .map(SecretFinding::path).toList(), "a line without a rule marks nothing");
        assertEquals(List.of(".conclave-false-positives line 3 has 1 fields; write one '<path> <rule>' pair a line,"
                + " e.g. 'tests/test_utils.py url_password'"), secrets.problems());
    }

    @Test
    void aLineThatIsNotAPairSaysWhatToWrite() {
        KnownFalsePositives known = KnownFalsePositives.parse("tests/**  url_password\nconfig/dev.yml\n");

        assertEquals(List.of(".conclave-false-positives line 2 has 1 fields; write one '<path> <rule>' pair a line,"
                + " e.g. 'tests/test_utils.py url_password'"), known.problems());
        assertEquals(SecretClass.MARKED_FALSE_POSITIVE, known.apply(new SecretFinding("tests/a/b.py", 4, "url_password",
                SecretClass.TEST_FIXTURE, "under a test folder (tests/)")).secretClass());
    }
}
