package dev.conclave.systemtests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.StaticScores;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import dev.conclave.scanner.redact.FakeSecrets;
import dev.conclave.systemtests.ScanBody;
import dev.conclave.systemtests.SystemTest;
import dev.conclave.systemtests.SystemTest.Panel;
import dev.conclave.systemtests.fleet.FakeOpenRouter;
import dev.conclave.systemtests.fleet.Fleet;
import dev.conclave.systemtests.fleet.ScanApi.Accepted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two scans with planted secrets of five kinds, one sent as files and one as a digest the client built
 * itself (unredacted), go through the whole fleet to (fake) OpenRouter, which the workers call with a
 * provider key; a third is refused by the provider with an error quoting the key, its URL and the prompt.
 * Then none of the secrets is in the stored scan, the Kafka request or any provider request; the refused
 * scan's reasons name none of it; and no service's log holds a secret, the provider key or prompt text.
 */
@SystemTest(panel = Panel.OPENROUTER)
class NoSecretKeyOrPromptIsInAnyLogIT {
    private final Fleet fleet;
    private final FakeSecrets fake = new FakeSecrets();
    private final String awsKey = "AKIA" + fake.upperAlnum(16);
    private final String githubToken = "ghp_" + fake.alnum(36);
    private final String privateKeyLine = fake.base64(64);
    private final String password = "Pw" + fake.password(20);
    private final String jwt = fake.jwt();
    /** Prompt text only: the README's sentence is quoted in every role's user message, and nowhere else. */
    private final String readmeSentence = "The quokka ledger reconciles invoices at dawn " + UUID.randomUUID();

    /** A viewer key made over the keys API during the test. */
    private String createdKey;

    NoSecretKeyOrPromptIsInAnyLogIT(Fleet fleet) {
        this.fleet = fleet;
    }

    /** A value that must not be logged, and what it is, for the failure message. */
    record Needle(String what, String value) {
    }

    /** The planted secrets: none may leave the gateway unredacted. */
    private List<Needle> secrets() {
        return List.of(new Needle("AWS access key", awsKey), new Needle("GitHub token", githubToken),
                new Needle("private key block", privateKeyLine), new Needle("password", password),
                new Needle("JWT", jwt));
    }

    /**
     * Everything no log may hold. Extend it here: a header value, another provider's key.
     */
    private List<Needle> logNeedles() throws IOException {
        List<Needle> needles = new ArrayList<>(secrets());
        needles.add(new Needle("provider API key", FakeOpenRouter.KEY));
        needles.add(new Needle("the gateway's admin API key", fleet.apiKey().key()));
        needles.add(new Needle("an API key made through the keys API", createdKey));
        needles.add(new Needle("prompt text (README)", readmeSentence));
        needles.add(new Needle("prompt text (architect's system prompt)", systemPromptLine()));
        return needles;
    }

    @Test
    void secretsKeysAndPromptsStayOutOfStorageMessagesRequestsAndLogs() throws IOException {
        // A key made over HTTP passes through the gateway once in full: that must not reach a log either.
        createdKey = fleet.scanApi().post("/api/v1/keys", "{\"name\":\"log-check\",\"role\":\"viewer\"}", 201)
                .path("key").asText();
        String filesName = ScanBody.uniqueName("leaky-files");
        Accepted files = fleet.scanApi().submit(ScanBody.of(filesName, projectFiles()).json());
        String digestName = ScanBody.uniqueName("leaky-digest");
        Accepted digest = fleet.scanApi().submit(clientBuiltDigest(digestName));

        // A provider that refuses, quoting back the key, the prompt and where it lives: the failure path logs most.
        String refusedName = ScanBody.uniqueName("leaky-refused");
        fleet.openRouter().refuse(refusedName, 400, WireJson.encode(Map.of("error", Map.of("code", 400, "message",
                "flagged input from key " + FakeOpenRouter.KEY + " at " + fleet.openRouter().baseUrl()
                        + "/chat/completions: '" + readmeSentence + "' (system: " + systemPromptLine() + ")"))));
        Accepted refused = fleet.scanApi().submit(ScanBody.of(refusedName, projectFiles()).json());

        for (Accepted scan : List.of(files, digest)) {
            assertEquals("COMPLETED", fleet.scanApi().awaitFinished(scan.scanId(), Duration.ofSeconds(90))
                    .path("status").asText(), () -> fleet.scanApi().scan(scan.scanId()).toPrettyString());
        }

        for (Accepted scan : List.of(files, digest)) {
            String stored = fleet.database().digest(scan.scanId()).toString();
            assertNoneIn("the stored scan " + scan.scanId(), stored, secrets());
            assertTrue(stored.contains("[REDACTED:"), stored);
            List<ConsumerRecord<String, String>> requests = fleet.broker().recordsWithKey(Topics.SCAN_REQUESTS,
                    scan.scanId().toString());
            assertFalse(requests.isEmpty(), "the scan's request is on " + Topics.SCAN_REQUESTS);
            requests.forEach(r -> assertNoneIn("the Kafka request of " + scan.scanId(), r.value(), secrets()));
        }
        JsonNode failed = fleet.scanApi().awaitFinished(refused.scanId(), Duration.ofSeconds(90));
        assertEquals("FAILED", failed.path("status").asText(), failed::toPrettyString);
        List<Needle> shown = new ArrayList<>(logNeedles());
        shown.add(new Needle("provider URL", fleet.openRouter().baseUrl()));
        assertNoneIn("the failed scan as the API shows it", failed.toString(), shown);
        assertTrue(failed.toString().contains("[prompt text]"), "the provider's words are kept, its quote cut: " + failed);

        for (String name : List.of(filesName, digestName)) {
            List<ServeEvent> calls = fleet.openRouter().completionsMentioning(name);
            // At least: a call retried under load (a timeout, a 429) is one more request to check, not a failure.
            assertTrue(calls.size() >= 4, "every role and the synthesis of " + name + " called the provider: " + calls.size());
            for (ServeEvent call : calls) {
                String body = call.getRequest().getBodyAsString();
                assertNoneIn("a provider request of " + name, body.replace("\\n", "\n"), secrets());
                assertTrue(body.contains("quokka ledger"), "the README reached the prompt, so the log check means something");
            }
        }

        List<Path> logs;
        try (Stream<Path> listed = Files.list(fleet.logFolder())) {
            logs = listed.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        assertTrue(logs.stream().anyMatch(p -> p.getFileName().toString().startsWith("api-gateway")), logs::toString);
        assertTrue(logs.stream().anyMatch(p -> p.getFileName().toString().startsWith("aggregator-worker")), logs::toString);
        List<Needle> needles = logNeedles();
        long bytes = 0;
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            bytes += text.length();
            assertNoneIn("the log " + log.getFileName(), text, needles);
        }
        System.out.printf("grepped %d service logs (%d characters) for %d needles: none found%n", logs.size(), bytes,
                needles.size());
    }

    private Map<String, String> projectFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Ledger\n\n" + readmeSentence + ".\n\nRun `make`.\n");
        files.put("package.json", "{\"name\": \"ledger\", \"version\": \"1.0.0\"}\n");
        files.put(".env", "AWS_ACCESS_KEY_ID=" + awsKey + "\nDB_PASSWORD=" + password + "\n");
        files.put("src/config.js", "export const github = \"" + githubToken + "\";\nexport const session = \"" + jwt + "\";\n");
        files.put("deploy/id_rsa", "-----BEGIN RSA PRIVATE KEY-----\n" + privateKeyLine + "\n" + fake.base64(64)
                + "\n-----END RSA PRIVATE KEY-----\n");
        return files;
    }

    /** A digest as a careless (or hostile) client builds it: every secret in the clear, where prompts read them. */
    private JsonNode clientBuiltDigest(String name) {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + privateKeyLine + "\n" + fake.base64(64)
                + "\n-----END RSA PRIVATE KEY-----\n";
        ProjectFacts facts = new ProjectFacts(true, false, false, false, false, true, false, 0, 1, List.of(),
                List.of("src/config.js"), List.of("package.json"));
        ScanDigest digest = new ScanDigest(name, 5, 900, List.of(new LanguageStat("JavaScript", 1, 2)),
                List.of("README.md", "package.json", ".env", "src/config.js", "deploy/id_rsa"), false,
                new FileExcerpt("README.md", "# Ledger\n\n" + readmeSentence + ".\n\ncurl -H 'Authorization: Bearer "
                        + jwt + "'\n", false),
                List.of(new FileExcerpt("package.json", "{\"name\": \"ledger\", \"token\": \"" + githubToken + "\"}",
                        false)),
                facts, new StaticScores(5.0, 40, 60),
                List.of(new FileExcerpt(".env", "AWS_ACCESS_KEY_ID=" + awsKey + "\nDB_PASSWORD=" + password + "\n", false),
                        new FileExcerpt("deploy/id_rsa", pem, false)),
                null, null);
        ObjectNode body = WireJson.mapper().createObjectNode().put("name", name);
        body.set("digest", WireJson.tree(digest));
        return body;
    }

    private String systemPromptLine() throws IOException {
        Path root = Path.of(System.getProperty("conclave.root", "..")).toAbsolutePath().normalize();
        return Files.readAllLines(root.resolve("llm-client/src/main/resources/prompts/architect/v1.txt")).getFirst().strip();
    }

    private static void assertNoneIn(String where, String text, List<Needle> needles) {
        for (Needle needle : needles) {
            assertFalse(text.contains(needle.value()), () -> "the " + needle.what() + " is in " + where);
        }
    }
}
