package dev.conclave.cli;

import static dev.conclave.cli.ScriptedGateway.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 401 says how to give the CLI a key (and why none was sent, when none was); a 403 names the role the call
 * needs. Both exit 1, and the key itself is never printed, only its prefix.
 */
class RefusedKeyOrRoleIsSaidInWordsTest {
    private static final String UNAUTHORIZED = "{\"error\": \"missing or unknown API key\"}";

    @TempDir
    Path workingDirectory;

    @Test
    void aRefusedKeySaysHowToGiveOneAndExitsOne() throws IOException {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("GET", "/api/v1/dead-letters", 401, UNAUTHORIZED)) {
            CommandRun run = CommandRun.of(workingDirectory, Map.of("CONCLAVE_SERVER", gateway.url(),
                    "CONCLAVE_API_KEY", KEY), "dead-letters", "list");

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("the gateway refused the API key: set CONCLAVE_API_KEY or run ./conclave key"),
                    run::toString);
            assertTrue(run.err().contains("cnk_0a1b2c3d") && run.err().contains("$CONCLAVE_API_KEY")
                    && run.err().contains("missing or unknown API key"), "names the key's prefix, its source and the"
                    + " gateway's words: " + run);
            assertFalse(run.err().contains(KEY) || run.out().contains(KEY), "the key itself is not printed: " + run);
        }
    }

    @Test
    void withNoKeyTheRefusalSaysWhyNoneWasSent() throws IOException {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("GET", "/api/v1/keys", 401, UNAUTHORIZED)) {
            CommandRun run = CommandRun.of(workingDirectory, Map.of("CONCLAVE_SERVER", gateway.url(),
                    "CONCLAVE_API_KEY_FILE", "state/admin.key"), "keys", "list");

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("no key: the file " + workingDirectory.toAbsolutePath().resolve("state/admin.key")
                    + " ($CONCLAVE_API_KEY_FILE) does not exist (./conclave up creates the local one)"), run::toString);
        }
    }

    @Test
    void aRefusedScanSubmissionSaysTheSame() throws IOException {
        Files.createDirectories(workingDirectory.resolve("demo-shop"));
        Files.writeString(workingDirectory.resolve("demo-shop/README.md"), "# Demo shop\n");
        try (FakeGateway gateway = FakeGateway.refusing(401, UNAUTHORIZED)) {
            CommandRun run = CommandRun.of(workingDirectory, Map.of("CONCLAVE_API_KEY", KEY), "scan", "demo-shop",
                    "--server", gateway.url());

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("the gateway refused the API key: set CONCLAVE_API_KEY"), run::toString);
            assertEquals(1, gateway.received().size(), "a refused key is not tried again: " + gateway.received());
        }
    }

    @Test
    void aRefusedRoleNamesTheRoleTheCallNeeds() throws IOException {
        String forbidden = "{\"error\": \"this key's role cannot do that\"}";
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("GET", "/api/v1/dead-letters", 403, forbidden)
                .answer("POST", "/api/v1/scans/6f1c2a4e-2b7d-4c7e-9a41-0d3f5e6a7b8c/cancel", 403, forbidden)
                .answer("GET", "/api/v1/scans/6f1c2a4e-2b7d-4c7e-9a41-0d3f5e6a7b8c/runs", 403, forbidden)) {
            Map<String, String> env = Map.of("CONCLAVE_SERVER", gateway.url(), "CONCLAVE_API_KEY", KEY);
            CommandRun admin = CommandRun.of(workingDirectory, env, "dead-letters", "list");
            CommandRun submitter = CommandRun.of(workingDirectory, env, "cancel", "6f1c2a4e-2b7d-4c7e-9a41-0d3f5e6a7b8c");
            CommandRun viewer = CommandRun.of(workingDirectory, env, "runs", "list", "6f1c2a4e-2b7d-4c7e-9a41-0d3f5e6a7b8c");

            assertEquals(1, admin.exitCode(), admin::toString);
            assertTrue(admin.err().contains("it needs the admin role") && admin.err().contains("cannot do that"),
                    admin::toString);
            assertEquals(1, submitter.exitCode(), submitter::toString);
            assertTrue(submitter.err().contains("it needs the submitter role"), submitter::toString);
            assertEquals(1, viewer.exitCode(), viewer::toString);
            assertTrue(viewer.err().contains("it needs the viewer role"), viewer::toString);
        }
    }
}
