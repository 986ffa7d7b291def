package dev.conclave.scanner.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import dev.conclave.scanner.redact.SecretCorpus.CorpusFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planted corpus puts real-looking credentials where applications keep them (.env, application.yml,
 * settings.py, a Java client, a deploy script): reporting must call them likely real, each at its line.
 */
class PlantedSecretsInApplicationCodeAreLikelyRealTest {

    private final SecretRedactor redactor = new SecretRedactor();

    @Test
    void atLeastNinetyFivePercentOfPlantedSecretsAreLikelyReal() {
        List<SecretFinding> findings = new ArrayList<>();
        int planted = 0;
        for (CorpusFile file : new SecretCorpus().files()) {
            Redacted redacted = redactor.redact(file.path(), file.text());
            assertEquals(redacted.total(), redacted.findings().size(), file.path() + ": one finding per replacement");
            findings.addAll(redacted.findings());
            planted += file.secrets().size();
        }
        List<SecretFinding> missed = findings.stream().filter(f -> f.secretClass() != SecretClass.LIKELY_REAL).toList();
        double recall = (double) (findings.size() - missed.size()) / planted;

        System.out.printf("planted corpus: %d secrets, %d likely real, recall %.3f; not likely real: %s%n", planted,
                findings.size() - missed.size(), recall, missed);
        assertTrue(recall >= 0.95, () -> "recall " + recall + "; classed otherwise: " + missed);
    }

    @Test
    void eachFindingNamesTheLineOfItsValueEvenAfterAMultiLineKey() {
        FakeSecrets fake = new FakeSecrets();
        String token = "ghp_" + fake.alnum(36);
        String text = "# deploy key\n-----BEGIN RSA PRIVATE KEY-----\n" + fake.pemBody(4)
                + "-----END RSA PRIVATE KEY-----\nGITHUB_TOKEN=" + token + "\n";

        Redacted redacted = redactor.redact("deploy/bootstrap.sh", text);

        assertEquals(List.of(2, 8), redacted.findings().stream().map(SecretFinding::line).sorted().toList(),
                redacted.findings()::toString);
        assertTrue(redacted.findings().stream().allMatch(f -> f.secretClass() == SecretClass.LIKELY_REAL));
        assertTrue(redacted.findings().stream().noneMatch(f -> f.reason().contains(token)));
    }
}
