package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conclave dead-letters} asks the gateway's {@code /api/v1/dead-letters} with the same words
 * and filters, prints its answers, and exits 1 when the gateway refuses, fails some letters or is not there.
 */
class DeadLettersCommandSpeaksTheGatewaysWordsTest {
    private static final String LETTER = """
            {"id": 7, "position": "scan.dead-letters/3/17", "sourceTopic": "scan.requests", "sourcePartition": 5,
             "sourceOffset": 40, "group": "aggregator-intake", "reason": "asks for role 'security', which is not known",
             "deadLetteredAt": "2026-11-30T10:00:00Z", "key": "scan-1", "valueBytes": 9, "redriveCount": 0}""";

    @TempDir
    Path workingDirectory;

    @Test
    void listSendsTheFiltersAndPrintsOneLinePerLetter() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("GET", "/api/v1/dead-letters", 200, "{\"items\": [" + LETTER + "], \"nextCursor\": \"7\"}")) {
            CommandRun run = run(gateway, "dead-letters", "list", "--topic", "scan.requests", "--reason", "not known",
                    "--since", "2026-11-30", "--until=2026-12-01T00:00:00Z", "--limit", "1");

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(List.of("GET /api/v1/dead-letters?from=2026-11-30&reason=not+known&to=2026-12-01T00%3A00%3A00Z"
                    + "&topic=scan.requests&limit=1"), gateway.requests());
            assertTrue(run.out().contains("7") && run.out().contains("aggregator-intake")
                    && run.out().contains("asks for role 'security'"), run::toString);
            assertTrue(run.out().contains("--cursor 7"), "says how to get the next page: " + run);
        }
    }

    @Test
    void showPrintsTheValueAndHeaders() throws Exception {
        String detail = LETTER.replace("\"redriveCount\": 0}", "\"redriveCount\": 0, \"value\": \"{not json\","
                + " \"headers\": [{\"key\": \"trace-id\", \"value\": \"t-1\"}]}");
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("GET", "/api/v1/dead-letters/7", 200, detail)) {
            CommandRun run = run(gateway, "dead-letters", "show", "7");

            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("{not json") && run.out().contains("trace-id = t-1")
                    && run.out().contains("scan.dead-letters/3/17"), run::toString);
        }
    }

    @Test
    void redriveOneAndAllSayWhatHappened() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("POST", "/api/v1/dead-letters/7/redrive", 200, """
                        {"id": 7, "outcome": "REDRIVEN", "topic": "scan.requests",
                         "redrivenFrom": "scan.dead-letters/3/17", "redriveCount": 1}""")
                .answer("POST", "/api/v1/dead-letters/redrive", 200,
                        "{\"matched\": 3, \"redriven\": 1, \"alreadyRedriven\": 2, \"failed\": 0}")) {
            CommandRun one = run(gateway, "dead-letters", "redrive", "7");
            CommandRun all = run(gateway, "dead-letters", "redrive", "--all", "--reason", "security", "--force");

            assertEquals(0, one.exitCode(), one::toString);
            assertTrue(one.out().contains("re-driven to scan.requests with redriven-from scan.dead-letters/3/17"), one::toString);
            assertEquals(0, all.exitCode(), all::toString);
            assertTrue(all.out().contains("matched 3: re-driven 1, already re-driven 2"), all::toString);
            assertEquals(List.of("POST /api/v1/dead-letters/7/redrive?force=false",
                    "POST /api/v1/dead-letters/redrive?reason=security&force=true"), gateway.requests());
        }
    }

    @Test
    void aBulkRedriveWithFailuresExitsOne() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("POST", "/api/v1/dead-letters/redrive", 200,
                        "{\"matched\": 2, \"redriven\": 1, \"alreadyRedriven\": 0, \"failed\": 1,"
                                + " \"error\": \"dead letter 9 cannot be re-driven: it has no dead-letter-topic header\"}")) {
            CommandRun run = run(gateway, "dead-letters", "redrive", "--all");

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("no dead-letter-topic header"), run::toString);
        }
    }

    @Test
    void purgeOneAndAll() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway()
                .answer("DELETE", "/api/v1/dead-letters/7", 204, "")
                .answer("POST", "/api/v1/dead-letters/purge", 200, "{\"purged\": 4}")) {
            CommandRun one = run(gateway, "dead-letters", "purge", "7");
            CommandRun all = run(gateway, "dead-letters", "purge", "--all", "--topic", "scan.results");

            assertEquals(0, one.exitCode(), one::toString);
            assertTrue(one.out().contains("dead letter 7 removed from the index"), one::toString);
            assertEquals(0, all.exitCode(), all::toString);
            assertTrue(all.out().contains("4 dead letters removed"), all::toString);
            assertEquals(List.of("DELETE /api/v1/dead-letters/7", "POST /api/v1/dead-letters/purge?topic=scan.results"),
                    gateway.requests());
        }
    }

    @Test
    void anUnknownIdIsTheGatewaysOwnWords() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("GET", "/api/v1/dead-letters/99", 404,
                "{\"error\": \"no dead letter 99; list them with GET /api/v1/dead-letters\"}")) {
            CommandRun run = run(gateway, "dead-letters", "show", "99");

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("HTTP 404") && run.err().contains("list them with GET /api/v1/dead-letters"),
                    run::toString);
        }
    }

    @Test
    void noGatewayIsSaidAndExitsOne() {
        CommandRun run = CommandRun.of(workingDirectory, Map.of("CONCLAVE_SERVER", "http://127.0.0.1:1"),
                "dead-letters", "list");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot reach the Conclave gateway at http://127.0.0.1:1"), run::toString);
    }

    @Test
    void whatCannotBeMeantIsAUsageError() {
        CommandRun.assertEachIsAUsageError(workingDirectory, List.of(List.of("dead-letters"), List.of("dead-letters", "frob"),
                List.of("dead-letters", "redrive"), List.of("dead-letters", "redrive", "7", "--all"),
                List.of("dead-letters", "purge", "7", "--topic", "scan.requests"),
                List.of("dead-letters", "show", "seven"), List.of("dead-letters", "list", "--limit", "0"),
                List.of("dead-letters", "purge", "7", "--force")));
        CommandRun.assertHelpShows(workingDirectory, "dead-letters", "conclave dead-letters redrive --all [filters] [--force]");
    }

    private CommandRun run(ScriptedGateway gateway, String... args) {
        return CommandRun.of(workingDirectory, Map.of("CONCLAVE_SERVER", gateway.url()), args);
    }
}
