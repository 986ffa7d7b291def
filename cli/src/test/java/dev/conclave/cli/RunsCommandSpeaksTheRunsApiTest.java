package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conclave runs ...} sends what the runs API expects and prints what it answers in words. */
class RunsCommandSpeaksTheRunsApiTest {
    private static final String SCAN = "3f2b1c4d-0000-4000-8000-000000000001";
    private static final String RUNS = "/api/v1/scans/" + SCAN + "/runs";

    @TempDir
    Path directory;

    private CommandRun conclave(ScriptedGateway gateway, String... args) {
        return CommandRun.of(directory, Map.of("CONCLAVE_SERVER", gateway.url()), args);
    }

    @Test
    void startSendsRolesOverridesAndAKey() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("POST", RUNS, 202, """
                {"scanId": "%s", "run": 2, "status": "QUEUED", "statusUrl": "%s/2"}""".formatted(SCAN, RUNS))) {
            CommandRun run = conclave(gateway, "runs", "start", SCAN, "--roles", "deployment", "--bypass-cache",
                    "--prompt-version", "deployment=v2", "--model", "deployment=openrouter/a/first",
                    "--model", "deployment=openrouter/b/second");

            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("run 2 of scan " + SCAN + " is queued"), run::toString);
            ScriptedGateway.Received post = gateway.received().get(0);
            JsonNode body = WireJson.mapper().readTree(post.body());
            assertEquals("[\"deployment\"]", body.path("roles").toString());
            assertTrue(body.path("bypassCache").asBoolean());
            assertEquals("v2", body.at("/overrides/deployment/promptVersion").asText());
            assertEquals("[\"openrouter/a/first\",\"openrouter/b/second\"]", body.at("/overrides/deployment/chain").toString());
            assertNotNull(post.idempotencyKey(), "a retry of this invocation starts no second run");
        }
    }

    @Test
    void diffPrintsWhatChanged() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("GET", RUNS + "/diff?from=1&to=2", 200, """
                {"scan_id": "%s", "from_run": 1, "to_run": 2,
                 "status": {"name": "status", "from": "COMPLETED", "to": "COMPLETED"},
                 "scores": [{"name": "aggregated_insights.fit_score", "from": 5.0, "to": 6.0},
                            {"name": "static_scores.code_quality", "from": 7.5, "to": 7.5}],
                 "priorities": {"added": ["Add a health check"], "removed": [], "kept": []},
                 "blockers": {"added": ["medium: No health check"], "removed": ["high: No Dockerfile"], "kept": []},
                 "models_used": {"added": [], "removed": [], "kept": []},
                 "cost_usd": {"name": "cost_usd", "from": 0.0017, "to": 0.0025},
                 "cost_per_role": []}""".formatted(SCAN))) {
            CommandRun run = conclave(gateway, "runs", "diff", SCAN, "--from", "1", "--to", "2");

            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("* aggregated_insights.fit_score 5.0 -> 6.0"), run::toString);
            assertTrue(run.out().contains("    static_scores.code_quality 7.5\n"), run::toString);
            assertTrue(run.out().contains("blockers + medium: No health check"), run::toString);
            assertTrue(run.out().contains("blockers - high: No Dockerfile"), run::toString);
        }
    }

    @Test
    void listPrintsOneLinePerRun() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("GET", RUNS, 200, """
                [{"run": 1, "origin": "SUBMITTED", "status": "COMPLETED", "roles": ["architect", "deployment"],
                  "carriedRoles": {}, "costUsd": 0.0017, "apiCalls": 3, "requestedAt": "2026-12-01T01:00:00Z"},
                 {"run": 2, "origin": "RERUN", "status": "RUNNING", "roles": ["deployment"],
                  "carriedRoles": {"architect": 1}, "costUsd": null, "apiCalls": null, "requestedAt": "2026-12-01T01:05:00Z"}]""")) {
            CommandRun run = conclave(gateway, "runs", "list", SCAN);

            assertEquals(0, run.exitCode(), run::toString);
            String[] lines = run.out().split("\n");
            assertEquals(3, lines.length, run::toString);
            assertTrue(lines[2].startsWith("2    RERUN") && lines[2].contains("architect@1"), run::toString);
        }
    }

    @Test
    void gatewayRefusalAndUsageErrorsSayWhatWasWrong() throws Exception {
        try (ScriptedGateway gateway = new ScriptedGateway().answer("GET", RUNS + "/7", 404,
                "{\"error\": \"scan has no run 7\", \"field\": \"run\"}")) {
            CommandRun missing = conclave(gateway, "runs", "show", SCAN, "7");
            assertEquals(1, missing.exitCode(), missing::toString);
            assertTrue(missing.err().contains("scan has no run 7"), missing::toString);

            CommandRun notAnId = conclave(gateway, "runs", "list", "not-a-scan");
            assertEquals(64, notAnId.exitCode(), notAnId::toString);
            assertTrue(notAnId.err().contains("not a scan id"), notAnId::toString);

            CommandRun unknownOption = conclave(gateway, "runs", "start", SCAN, "--rolez", "x");
            assertEquals(64, unknownOption.exitCode(), unknownOption::toString);
            assertTrue(unknownOption.err().contains("--roles"), unknownOption::toString);
            assertTrue(gateway.received().stream().noneMatch(r -> r.method().equals("POST")), "nothing was started");
        }
    }
}
