package dev.conclave.cli;

import static dev.conclave.cli.FakeGateway.role;
import static dev.conclave.cli.FakeGateway.roles;
import static dev.conclave.cli.FakeGateway.scan;
import static dev.conclave.cli.ScriptedGateway.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.report.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI finds its API key in one place ($CONCLAVE_API_KEY, else the file $CONCLAVE_API_KEY_FILE names) and
 * every request of every command carries it as {@code Authorization: Bearer}: the scan's submission, polls and
 * event stream, runs, dead letters, replay, cancel and keys. No key found means no header, never a made-up one.
 */
class EveryRequestCarriesTheApiKeyTest {
    private static final String OTHER_KEY = "cnk_77777777_fromtheenvironmentnotthefile";
    private static final String SCAN = "6f1c2a4e-2b7d-4c7e-9a41-0d3f5e6a7b8c";

    @TempDir
    Path workingDirectory;

    @Test
    void aScanSendsTheKeyOnItsSubmissionPollsAndEventStream() throws IOException {
        DemoShopTest.createIn(workingDirectory);
        String running = scan("RUNNING", roles(role("architect", "PENDING", null)), "null");
        String completed = scan("COMPLETED", roles(role("architect", "SUCCEEDED", null)), SampleReports.full("COMPLETED"));
        try (FakeGateway gateway = FakeGateway.accepting(running, running, running, completed)
                .withEvents("event:end\ndata:{}\n\n")) {
            CommandRun run = CommandRun.of(workingDirectory, Map.of("CONCLAVE_API_KEY", KEY), "scan", "demo-shop",
                    "--server", gateway.url(), "--out-dir", workingDirectory.resolve("out").toString());

            assertEquals(0, run.exitCode(), run::toString);
            List<FakeGateway.Received> received = gateway.received();
            assertTrue(received.stream().anyMatch(r -> r.path().endsWith("/events")), "the event stream was followed");
            assertTrue(received.stream().anyMatch(r -> r.method().equals("POST")), "the scan was submitted");
            for (FakeGateway.Received request : received) {
                assertEquals("Bearer " + KEY, request.authorization(), request.method() + " " + request.path());
            }
        }
    }

    @Test
    void everyOtherCommandSendsTheKeyFromTheKeyFile() throws IOException {
        Path keyFile = Files.writeString(workingDirectory.resolve("admin.key"), KEY + "\n");
        try (ScriptedGateway gateway = everything()) {
            Map<String, String> env = Map.of("CONCLAVE_SERVER", gateway.url(), "CONCLAVE_API_KEY_FILE", keyFile.toString());
            for (List<String> args : commands()) {
                CommandRun run = CommandRun.of(workingDirectory, env, args.toArray(String[]::new));
                assertEquals(0, run.exitCode(), args + ": " + run);
            }

            assertEquals(commands().size(), gateway.received().size(), gateway.requests()::toString);
            for (ScriptedGateway.Received request : gateway.received()) {
                assertEquals("Bearer " + KEY, request.authorization(), request.method() + " " + request.pathAndQuery());
            }
        }
    }

    @Test
    void theEnvironmentsKeyWinsOverTheFileAndARelativeFileIsFoundFromTheWorkingDirectory() throws IOException {
        Files.writeString(workingDirectory.resolve("admin.key"), KEY);
        try (ScriptedGateway gateway = everything()) {
            Map<String, String> fileOnly = Map.of("CONCLAVE_SERVER", gateway.url(), "CONCLAVE_API_KEY_FILE", "admin.key");
            Map<String, String> both = new HashMap<>(fileOnly);
            both.put("CONCLAVE_API_KEY", OTHER_KEY);

            assertEquals(0, CommandRun.of(workingDirectory, fileOnly, "keys", "list").exitCode());
            assertEquals(0, CommandRun.of(workingDirectory, both, "keys", "list").exitCode());

            assertEquals(List.of("Bearer " + KEY, "Bearer " + OTHER_KEY),
                    gateway.received().stream().map(ScriptedGateway.Received::authorization).toList());
        }
    }

    @Test
    void withoutAUsableKeyNoHeaderIsSent() throws IOException {
        Path notAKey = Files.writeString(workingDirectory.resolve("notes.txt"), "my key is: cnk_x\r\nInjected: yes\n");
        try (ScriptedGateway gateway = everything()) {
            for (Map<String, String> env : List.of(Map.of("CONCLAVE_SERVER", gateway.url()),
                    Map.of("CONCLAVE_SERVER", gateway.url(), "CONCLAVE_API_KEY_FILE", "missing.key"),
                    Map.of("CONCLAVE_SERVER", gateway.url(), "CONCLAVE_API_KEY_FILE", notAKey.toString()),
                    Map.of("CONCLAVE_SERVER", gateway.url(), "CONCLAVE_API_KEY", "  "))) {
                CommandRun run = CommandRun.of(workingDirectory, env, "keys", "list");
                assertEquals(0, run.exitCode(), env + ": " + run);
            }

            assertEquals(4, gateway.received().size());
            gateway.received().forEach(request -> assertEquals(null, request.authorization(), request.toString()));
        }
    }

    @Test
    void theHelpSaysWhereTheKeyComesFromAndThereIsNoOptionForIt() {
        CommandRun help = CommandRun.of(workingDirectory, "--help");
        CommandRun option = CommandRun.of(workingDirectory, "keys", "list", "--api-key", KEY);

        assertTrue(help.out().contains("$CONCLAVE_API_KEY") && help.out().contains("./conclave key"), help::toString);
        assertEquals(64, option.exitCode(), option::toString);
        assertFalse(option.err().contains(KEY) || option.out().contains(KEY), "the key is not echoed: " + option);
    }

    private static ScriptedGateway everything() throws IOException {
        return new ScriptedGateway()
                .answer("GET", "/api/v1/scans/" + SCAN + "/runs", 200, "[]")
                .answer("GET", "/api/v1/dead-letters", 200, "{\"items\": []}")
                .answer("GET", "/api/v1/replays", 200, "[]")
                .answer("POST", "/api/v1/scans/" + SCAN + "/cancel", 202,
                        "{\"scanId\": \"" + SCAN + "\", \"name\": \"shop\", \"status\": \"RUNNING\", \"run\": 1, \"roles\": []}")
                .answer("GET", "/api/v1/keys", 200, "[]")
                .answer("DELETE", "/api/v1/keys/k-1", 204, "");
    }

    private static List<List<String>> commands() {
        return List.of(List.of("runs", "list", SCAN), List.of("dead-letters", "list"), List.of("replay", "list"),
                List.of("cancel", SCAN), List.of("keys", "list"), List.of("keys", "revoke", "k-1"));
    }
}
