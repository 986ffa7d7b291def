package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conclave replay ...} says the HTTP API's words: each action is the call of the same name. */
class ReplayWordsBecomeTheirHttpCallsTest {
    private static final String JOB = "6f1d9a30-5c1e-4f57-9a59-2d1f6f0b7a11";

    private record Call(String method, String path, String query, String body, String authorization) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private volatile int status = 200;
    private volatile String answer;

    @TempDir
    Path dir;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/api/v1/replays", exchange -> {
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void dryRunPostsTheFilterAndPrintsTheEstimate() {
        answer = """
                {"scans": 12, "roleCalls": 36, "synthesisCalls": 12, "calls": 48, "cacheAnswers": 8, "providerCalls": 40,
                 "estimatedCostUsd": 0.061, "estimatedTokens": 90000, "notes": []}""";
        CommandRun run = replay("--dry-run", "--status", "failed,PARTIAL", "--name", "todo-*", "--failed-role", "business",
                "--since", "2026-11-01T00:00:00Z", "--limit", "50");

        assertEquals(0, run.exitCode(), run::toString);
        Call call = calls.getFirst();
        assertEquals("POST", call.method());
        assertEquals("/api/v1/replays", call.path());
        JsonNode body = WireJson.decode(call.body(), JsonNode.class);
        assertTrue(body.path("dryRun").asBoolean(), call.body());
        assertEquals("[\"FAILED\",\"PARTIAL\"]", body.path("filter").path("status").toString());
        assertEquals("todo-*", body.path("filter").path("namePattern").asText());
        assertEquals("business", body.path("filter").path("failedRole").asText());
        assertEquals(50, body.path("filter").path("limit").asInt());
        assertTrue(run.out().contains("12 scans: 48 calls (36 role calls, 12 syntheses), 8 answered by the cache, "
                + "40 provider calls"), run::toString);
    }

    @Test
    void startSendsItsOptionsAndTheKey() {
        answer = "{\"id\": \"" + JOB + "\", \"status\": \"SELECTING\", \"kind\": \"BULK\", \"share\": 0.1}";
        status = 202;
        CommandRun run = replay("start", "--model", "openai/gpt-4o", "--share", "0.1", "--roles", "architect,business",
                "--bypass-cache", "--max-in-flight", "5");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode body = WireJson.decode(calls.getFirst().body(), JsonNode.class);
        assertEquals(0.1, body.path("share").asDouble());
        assertEquals("[\"architect\",\"business\"]", body.path("roles").toString());
        assertTrue(body.path("bypassCache").asBoolean());
        assertEquals(5, body.path("maxInFlight").asInt());
        assertEquals("openai/gpt-4o", body.path("filter").path("model").asText());
        assertEquals("Bearer cnk_ops12345_s3cret", calls.getFirst().authorization());
        assertTrue(run.out().startsWith(JOB), run::toString);
    }

    @Test
    void jobActionsAreTheCallsOfTheSameName() {
        answer = "{\"id\": \"" + JOB + "\", \"status\": \"PAUSED\", \"progress\": {\"selected\": 3, \"started\": 1}}";
        for (String action : List.of("pause", "resume", "cancel")) {
            assertEquals(0, replay(action, JOB).exitCode());
        }
        assertEquals(0, replay("show", JOB).exitCode());
        answer = "[]";
        assertEquals(0, replay("list", "--status", "RUNNING").exitCode());

        assertEquals(List.of("POST /api/v1/replays/" + JOB + "/pause", "POST /api/v1/replays/" + JOB + "/resume",
                "POST /api/v1/replays/" + JOB + "/cancel", "GET /api/v1/replays/" + JOB, "GET /api/v1/replays"),
                calls.stream().map(c -> c.method() + " " + c.path()).toList());
        assertEquals("status=RUNNING", calls.getLast().query());
    }

    @Test
    void aRefusalExitsOneWithTheGatewaysReasonAndMisuseExits64() {
        status = 409;
        answer = "{\"error\": \"replay job " + JOB + " is COMPLETED; only a job that is [PAUSED] can be resumed\", "
                + "\"field\": \"status\"}";
        CommandRun refused = replay("resume", JOB);
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("only a job that is [PAUSED] can be resumed"), refused::toString);

        assertEquals(64, replay("show").exitCode());
        assertEquals(64, replay("rewind", JOB).exitCode());
        assertEquals(64, replay("--dry-run", "--share", "a fifth").exitCode());
    }

    private CommandRun replay(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--server";
        all[args.length + 2] = "http://127.0.0.1:" + gateway.getAddress().getPort();
        return CommandRun.of(dir, Map.of("CONCLAVE_API_KEY", "cnk_ops12345_s3cret"), all);
    }
}
