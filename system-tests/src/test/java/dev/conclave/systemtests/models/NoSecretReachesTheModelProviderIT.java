package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.conclave.scanner.redact.SecretCorpus;
import dev.conclave.scanner.redact.SecretCorpus.CorpusFile;
import dev.conclave.scanner.redact.SecretCorpus.Planted;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A project with 41 made-up secrets committed across a dozen kinds of file goes through the whole
 * fleet to (fake) OpenRouter: not one secret, nor any 16 characters of one, is in any request the
 * provider received, and the digest counts every one by type.
 */
@SystemTest(panel = Panel.OPENROUTER)
class NoSecretReachesTheModelProviderIT {
    private final Fleet fleet;

    NoSecretReachesTheModelProviderIT(Fleet fleet) {
        this.fleet = fleet;
    }

    @Test
    void providerSeesPlaceholdersOnly() {
        List<CorpusFile> corpus = new SecretCorpus().files();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Billing\n\nInvoices for small shops.\n\n## Install\n\nmake install\n");
        files.put("package.json", "{\"name\": \"billing\", \"version\": \"1.0.0\"}\n");
        int planted = 0;
        for (CorpusFile file : corpus) {
            files.put(file.path(), file.text());
            planted += file.secrets().size();
        }
        String name = ScanBody.uniqueName("leaky-billing");
        Accepted accepted = fleet.scanApi().submit(ScanBody.of(name, files).json());

        assertEquals("COMPLETED", fleet.scanApi().awaitFinished(accepted.scanId(), Duration.ofSeconds(60))
                .path("status").asText());

        List<ServeEvent> requests = fleet.openRouter().completionsMentioning(name);
        assertEquals(4, requests.size(), "every role and the synthesis called the provider");
        StringBuilder sent = new StringBuilder();
        requests.forEach(request -> sent.append(request.getRequest().getBodyAsString()));
        String bodies = sent.toString().replace("\\n", "\n").replace("\\\"", "\"");
        for (CorpusFile file : corpus) {
            for (Planted secret : file.secrets()) {
                String value = secret.value().replace("\\n", "\n");
                for (int start = 0; start + 16 <= value.length(); start += 8) {
                    String piece = value.substring(start, start + 16);
                    if (!piece.startsWith("-----") && !piece.contains("\n") && !piece.startsWith("eyJhbGciOiJIUzI1")) {
                        assertFalse(bodies.contains(piece), file.path() + "'s " + secret.type() + " reached the provider");
                    }
                }
            }
        }
        assertTrue(bodies.contains("[REDACTED:"), "the provider sees where secrets were");
        JsonNode redactions = fleet.database().digest(accepted.scanId()).path("redactions").path("byType");
        int counted = 0;
        for (JsonNode count : redactions) {
            counted += count.asInt();
        }
        assertEquals(planted, counted, redactions::toString);
    }
}
