package dev.conclave.cli;

import static dev.conclave.cli.ScriptedGateway.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conclave keys create|list|revoke} speaks {@code /api/v1/keys}: a new key alone on stdout (a script can
 * capture it) with the warning that it is not shown again on stderr; a table of the keys; revocation; and the
 * exit codes 0, 1 (refused) and 64 (misuse).
 */
class KeysCommandShowsANewKeyOnceTest {
    private static final String NEW_KEY = "cnk_5e6f7a8b_newsecretnewsecretnewsecret0123";

    @TempDir
    Path workingDirectory;

    @Test
    void createSendsTheFieldsAndPrintsTheKeyOnceWithAWarning() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("POST", "/api/v1/keys", 201, """
                {"id": "k-2", "prefix": "cnk_5e6f7a8b", "key": "%s", "name": "ci", "role": "submitter",
                 "tenant": "t2", "createdAt": "2026-12-01T04:00:00Z", "expiresAt": "2026-12-31T04:00:00Z"}"""
                .formatted(NEW_KEY))) {
            CommandRun run = run(gateway, "keys", "create", "--name", "ci", "--role", "Submitter", "--tenant", "t2",
                    "--ttl-days", "30");

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(NEW_KEY + "\n", run.out().replace("\r\n", "\n"), "stdout is the key alone");
            assertTrue(run.err().contains("only time the key is shown") && run.err().contains("k-2")
                    && run.err().contains("role submitter, tenant t2, expires 2026-12-31T04:00:00Z"), run::toString);
            assertFalse(run.err().contains(NEW_KEY), "the key is on stdout only: " + run);
            JsonNode body = WireJson.decode(gateway.received().getFirst().body(), JsonNode.class);
            assertEquals("{\"name\":\"ci\",\"role\":\"submitter\",\"tenant\":\"t2\",\"ttlDays\":30}", body.toString());
            assertEquals("Bearer " + KEY, gateway.received().getFirst().authorization());
        }
    }

    @Test
    void listIsATableWithoutSecretsAndRevokeIsTheDelete() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("GET", "/api/v1/keys", 200, """
                        [{"id": "k-1", "prefix": "cnk_0a1b2c3d", "name": "local admin", "role": "admin", "tenant": "default",
                          "createdAt": "2026-12-01T03:00:00Z", "expiresAt": null, "lastUsedAt": "2026-12-01T04:10:00Z",
                          "revokedAt": null},
                         {"id": "k-2", "prefix": "cnk_5e6f7a8b", "name": "ci", "role": "submitter", "tenant": "t2",
                          "createdAt": "2026-12-01T04:00:00Z", "expiresAt": "2026-12-31T04:00:00Z", "lastUsedAt": null,
                          "revokedAt": "2026-12-01T04:20:00Z"}]""")
                .answer("DELETE", "/api/v1/keys/k-2", 204, "")) {
            CommandRun list = run(gateway, "keys", "list");
            CommandRun revoke = run(gateway, "keys", "revoke", "k-2");

            assertEquals(0, list.exitCode(), list::toString);
            List<String> lines = list.out().lines().toList();
            assertEquals(3, lines.size(), list::toString);
            assertTrue(lines.get(0).startsWith("ID") && lines.get(0).contains("PREFIX") && lines.get(0).contains("LAST USED"),
                    list::toString);
            assertTrue(lines.get(1).contains("cnk_0a1b2c3d") && lines.get(1).contains("local admin")
                    && lines.get(1).endsWith("active"), list::toString);
            assertTrue(lines.get(2).contains("t2") && lines.get(2).endsWith("revoked 2026-12-01T04:20:00Z"), list::toString);
            assertEquals(0, revoke.exitCode(), revoke::toString);
            assertTrue(revoke.out().contains("key k-2 is revoked"), revoke::toString);
            assertEquals(List.of("GET /api/v1/keys", "DELETE /api/v1/keys/k-2"), gateway.requests());
        }
    }

    @Test
    void aRefusalExitsOneWithTheGatewaysWords() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("DELETE", "/api/v1/keys/k-9", 404, "{\"error\": \"no key k-9\"}")
                .answer("POST", "/api/v1/keys", 403, "{\"error\": \"only an admin key manages keys\"}")) {
            CommandRun unknown = run(gateway, "keys", "revoke", "k-9");
            CommandRun notAdmin = run(gateway, "keys", "create", "--name", "x", "--role", "viewer");

            assertEquals(1, unknown.exitCode(), unknown::toString);
            assertTrue(unknown.err().contains("HTTP 404") && unknown.err().contains("no key k-9"), unknown::toString);
            assertEquals(1, notAdmin.exitCode(), notAdmin::toString);
            assertTrue(notAdmin.err().contains("it needs the admin role"), notAdmin::toString);
            assertEquals("", notAdmin.out(), "nothing on stdout when no key was made");
        }
    }

    @Test
    void whatCannotBeMeantIsAUsageError() {
        CommandRun.assertEachIsAUsageError(workingDirectory, List.of(List.of("keys"), List.of("keys", "rotate"),
                List.of("keys", "create", "--name", "ci"), List.of("keys", "create", "--role", "admin"),
                List.of("keys", "create", "--name", "ci", "--role", "owner"),
                List.of("keys", "create", "--name", "ci", "--role", "viewer", "--ttl-days", "0"),
                List.of("keys", "create", "--name", " ", "--role", "viewer"),
                List.of("keys", "revoke"), List.of("keys", "revoke", "a/b"), List.of("keys", "list", "--role", "admin")));
        CommandRun.assertHelpShows(workingDirectory, "keys", "conclave keys create --name NAME --role ROLE");
    }

    private CommandRun run(ScriptedGateway gateway, String... args) {
        return CommandRun.of(workingDirectory, Map.of("CONCLAVE_SERVER", gateway.url(), "CONCLAVE_API_KEY", KEY), args);
    }
}
