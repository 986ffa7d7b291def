package dev.conclave.scanner.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.Redactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.conclave.scanner.redact.SecretCorpus.CorpusFile;
import dev.conclave.scanner.redact.SecretCorpus.Planted;
import org.junit.jupiter.api.Test;

/**
 * Plants made-up secrets of every supported format in the kinds of file where projects leak them, and
 * checks that each one is replaced, counted under its type, and that the text around it survives.
 */
class EverySecretInTheCorpusIsRedactedTest {

    private final FakeSecrets fake = new FakeSecrets();
    private final SecretRedactor redactor = new SecretRedactor();

    private static List<CorpusFile> corpus() {
        return new SecretCorpus().files();
    }

    @Test
    void theCorpusHasAtLeastThirtySecretsInElevenKindsOfFile() {
        List<CorpusFile> files = corpus();
        assertTrue(files.stream().mapToInt(file -> file.secrets().size()).sum() >= 30);
        assertTrue(files.size() >= 11);
    }

    @Test
    void everyPlantedSecretIsReplacedAndCountedUnderItsType() {
        for (CorpusFile file : corpus()) {
            Redacted redacted = redactor.redact(file.path(), file.text());

            Map<String, Integer> expected = new TreeMap<>();
            file.secrets().forEach(secret -> expected.merge(secret.type(), 1, Integer::sum));
            assertEquals(expected, redacted.byType(), file.path() + " redacted to:\n" + redacted.text());
            for (Planted secret : file.secrets()) {
                assertFalse(redacted.text().contains(secret.value()),
                        file.path() + " still holds its " + secret.type() + ":\n" + redacted.text());
                assertTrue(redacted.text().contains("[REDACTED:" + secret.type() + "]"), file.path() + " " + secret.type());
            }
            for (String fragment : file.kept()) {
                assertTrue(redacted.text().contains(fragment), file.path() + " lost \"" + fragment + "\":\n" + redacted.text());
            }
        }
    }

    @Test
    void noPlantedValueNorAnyLongPieceOfOneSurvivesAnywhere() {
        StringBuilder everything = new StringBuilder();
        List<Planted> planted = new ArrayList<>();
        for (CorpusFile file : corpus()) {
            everything.append(redactor.redact(file.path(), file.text()).text());
            planted.addAll(file.secrets());
        }
        for (Planted secret : planted) {
            // Any 16 characters of a value would be a leak, not only the whole value.
            String value = secret.value().replace("\\n", "\n");
            for (int start = 0; start + 16 <= value.length(); start += 8) {
                String piece = value.substring(start, start + 16);
                if (!piece.startsWith("-----") && !piece.contains("\n") && !piece.startsWith("eyJhbGciOiJIUzI1")) {
                    assertFalse(everything.toString().contains(piece), secret.type() + " leaked " + piece);
                }
            }
        }
    }

    @Test
    void perFileCountsAddUpToTheDigestsRedactions() {
        RedactionTally tally = new RedactionTally();
        Map<String, Integer> expected = new LinkedHashMap<>();
        int planted = 0;
        for (CorpusFile file : corpus()) {
            tally.add(redactor.redact(file.path(), file.text()));
            for (Planted secret : file.secrets()) {
                expected.merge(secret.type(), 1, Integer::sum);
                planted++;
            }
        }
        Redactions redactions = tally.toRedactions();

        assertEquals(new Redactions(expected), redactions);
        assertEquals(planted, redactions.total());
        System.out.printf("secret corpus: %d secrets of %d types redacted: %s%n", planted, expected.size(), redactions.byType());
    }

    @Test
    void aPrivateKeyCutOffByATruncatedFileIsRedactedToTheEnd() {
        String body = fake.pemBody(3);
        Redacted redacted = redactor.redact("certs/partial.pem", "-----BEGIN EC PRIVATE KEY-----\n" + body);

        assertEquals("[REDACTED:private_key]", redacted.text());
    }
}
