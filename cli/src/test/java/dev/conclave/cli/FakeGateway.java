package dev.conclave.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.conclave.report.SampleReports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the gateway's scan API on 127.0.0.1 and a free port: answers the submission, then serves
 * a scripted sequence of scan states, repeating the last one, and remembers what it was sent.
 */
final class FakeGateway implements AutoCloseable {

    record Received(String method, String path, String body, String idempotencyKey, String contentType,
            String query, int bodyBytes, String authorization) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final int submitStatus;
    private final String submitBody;
    private final List<String> states;
    private volatile String events;

    private FakeGateway(int submitStatus, String submitBody, List<String> states) throws IOException {
        this.submitStatus = submitStatus;
        this.submitBody = submitBody;
        this.states = List.copyOf(states);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/scans", this::handle);
        server.start();
    }

    /** Accepts the scan, then answers the polls with {@code states} in order. */
    static FakeGateway accepting(String... states) throws IOException {
        String accepted = """
                {"scanId": "%s", "run": 1, "status": "QUEUED", "statusUrl": "/api/v1/scans/%s"}
                """.formatted(SampleReports.SCAN_ID, SampleReports.SCAN_ID);
        return new FakeGateway(202, accepted, List.of(states));
    }

    /** Refuses the submission with this status and error body. */
    static FakeGateway refusing(int status, String errorBody) throws IOException {
        return new FakeGateway(status, errorBody, List.of());
    }

    /** Serves {@code sse} (a whole Server-Sent Events body) at the scan's {@code /events}; without it, 404. */
    FakeGateway withEvents(String sse) {
        this.events = sse;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int polls() {
        return polls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, body,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestURI().getRawQuery(),
                bytes.length, exchange.getRequestHeaders().getFirst("Authorization")));
        if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/scans")) {
            respond(exchange, submitStatus, submitBody);
        } else if (path.equals("/api/v1/scans/" + SampleReports.SCAN_ID + "/events") && events != null) {
            byte[] stream = events.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, stream.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(stream);
            }
        } else if (exchange.getRequestMethod().equals("GET") && path.equals("/api/v1/scans/" + SampleReports.SCAN_ID)
                && !states.isEmpty()) {
            int poll = polls.getAndIncrement();
            respond(exchange, 200, states.get(Math.min(poll, states.size() - 1)));
        } else {
            respond(exchange, 404, "{\"error\": \"no scan at " + path + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A GET answer: the scan in {@code status}, its roles, and the report (or null). */
    static String scan(String status, String rolesJson, String resultJson) {
        return scan(status, rolesJson, null, resultJson);
    }

    /** A GET answer with the scan-level failure reason the gateway gives for a FAILED run. */
    static String scan(String status, String rolesJson, String failureReason, String resultJson) {
        return """
                {"scanId": "%s", "name": "demo-shop", "status": "%s", "run": 1,
                 "createdAt": "2025-01-01T10:00:00Z", "completedAt": null,
                 "roles": %s, "missingRoles": [], "failureReason": %s, "result": %s}
                """.formatted(SampleReports.SCAN_ID, status, rolesJson, quoted(failureReason), resultJson);
    }

    /** A role; one that SUCCEEDED was answered by the offline model in 1.2 s. */
    static String role(String role, String state, String failureReason) {
        boolean answered = state.equals("SUCCEEDED");
        return """
                {"role": "%s", "state": "%s", "provider": %s, "model": %s, "offline": %s, "failureReason": %s,
                 "startedAt": %s, "completedAt": %s}
                """.formatted(role, state,
                quoted(answered ? "offline" : null),
                quoted(answered ? "conclave-offline-1" : null),
                answered,
                quoted(failureReason),
                quoted(answered ? "2025-01-01T10:00:00Z" : null),
                quoted(answered ? "2025-01-01T10:00:01.200Z" : null));
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    static String roles(String... roles) {
        return "[" + String.join(",", roles) + "]";
    }
}
