package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanDigest;
import dev.conclave.model.WireJson;
import dev.conclave.scanner.redact.SecretCorpus;
import dev.conclave.scanner.redact.SecretCorpus.CorpusFile;
import dev.conclave.scanner.redact.SecretCorpus.Planted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A project with secrets committed all over it: the digest — everything that leaves the machine —
 * holds none of them, counts every one by type, and quotes the files it quotes with placeholders.
 */
class DigestHoldsNoSecretTest {

    @Test
    void everySecretIsCountedAndNoneIsInTheDigest() {
        List<CorpusFile> corpus = new SecretCorpus().files();
        List<ProjectFile> files = new ArrayList<>();
        files.add(new ProjectFile("README.md", "# Billing\\n\\n## Install\\n\\nmake\\n"));
        files.add(new ProjectFile("package.json", "{\"name\": \"billing\", \"version\": \"1.0.0\"}\n"));
        Map<String, Integer> expected = new TreeMap<>();
        for (CorpusFile file : corpus) {
            files.add(new ProjectFile(file.path(), file.text()));
            file.secrets().forEach(secret -> expected.merge(secret.type(), 1, Integer::sum));
        }

        ScanDigest digest = new ProjectScanner(ScanLimits.defaults()).scan(files, "billing");
        String leaving = WireJson.encode(digest);

        assertEquals(expected, digest.redactions().byType());
        assertTrue(digest.redactions().total() >= 30, "the corpus plants at least 30");
        for (CorpusFile file : corpus) {
            for (Planted secret : file.secrets()) {
                assertFalse(leaving.contains(secret.value().replace("\\n", "\n")) || leaving.contains(secret.value()),
                        file.path() + "'s " + secret.type() + " is in the digest");
            }
        }
        assertTrue(leaving.contains("[REDACTED:"), "quoted files show where a secret was");
        assertFalse(digest.sources().isEmpty(), "the digest quotes source and configuration");
        assertTrue(digest.compression().tokensBefore() > 0, "compression is measured");
    }
}
