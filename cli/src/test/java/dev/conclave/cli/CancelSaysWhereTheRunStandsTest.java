package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conclave cancel}: the request it sends, what it prints, and its exit codes. */
class CancelSaysWhereTheRunStandsTest {
    private static final String SCAN = "6f1c2a4e-2b7d-4c7e-9a41-0d3f5e6a7b8c";

    @TempDir
    Path workingDirectory;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void acceptedCancelNamesTheRunAndExitsZero() throws IOException {
        answer(202, """
                {"scanId": "%s", "name": "shop", "status": "RUNNING", "run": 2, "roles": []}""".formatted(SCAN));

        CommandRun run = CommandRun.of(workingDirectory, Map.of("CONCLAVE_API_KEY", "cnk_ana12345_s3cret"), "cancel",
                SCAN, "--run", "2", "--server", url());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("cancel requested for run 2 of scan " + SCAN + " (shop): it is RUNNING"), run::toString);
        assertEquals(List.of("POST /api/v1/scans/" + SCAN + "/cancel?run=2 by Bearer cnk_ana12345_s3cret"), received);
    }

    @Test
    void closedRunIsRefusedWithItsStatus() throws IOException {
        answer(409, """
                {"error": "run 1 of scan %s is already closed (COMPLETED); there is nothing to cancel", "field": "run"}"""
                .formatted(SCAN));

        CommandRun run = CommandRun.of(workingDirectory, Map.of(), "cancel", SCAN, "--server", url());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("HTTP 409") && run.err().contains("already closed (COMPLETED)"), run::toString);
        assertEquals(List.of("POST /api/v1/scans/" + SCAN + "/cancel by nobody"), received);
    }

    @Test
    void whatIsNotAScanIdOrARunIsAUsageError() {
        CommandRun notAnId = CommandRun.of(workingDirectory, "cancel", "shop");
        CommandRun notARun = CommandRun.of(workingDirectory, "cancel", SCAN, "--run", "0");

        assertEquals(64, notAnId.exitCode(), notAnId::toString);
        assertTrue(notAnId.err().contains("'shop' is not a scan id"), notAnId::toString);
        assertEquals(64, notARun.exitCode(), notARun::toString);
        assertTrue(notARun.err().contains("--run takes a run number"), notARun::toString);
    }

    private void answer(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/scans", exchange -> {
            String by = exchange.getRequestHeaders().getFirst("Authorization");
            String query = exchange.getRequestURI().getRawQuery();
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + (query == null ? "" : "?" + query) + " by " + (by == null ? "nobody" : by));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
