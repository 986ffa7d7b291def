package dev.conclave.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway on 127.0.0.1 that answers each request with the status and JSON body scripted for its
 * "METHOD path?query", else for its "METHOD path" (any query), else 404 with an error body, and remembers
 * every request (with its {@code Authorization} header), for the commands besides scan.
 */
final class ScriptedGateway implements AutoCloseable {

    /** A key in the gateway's format ({@code cnk_<prefix>_<secret>}), for the tests that send one. */
    static final String KEY = "cnk_0a1b2c3d_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    /** @param authorization the {@code Authorization} header, null when none was sent */
    record Received(String method, String pathAndQuery, String body, String idempotencyKey, String authorization) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    ScriptedGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Answers {@code method} on {@code pathAndQuery} (e.g. "GET /api/v1/scans/x/runs", or with a query to
     * answer only that query) with this status and body; an empty body answers without one.
     */
    ScriptedGateway answer(String method, String pathAndQuery, int status, String body) {
        answers.put(method + " " + pathAndQuery, new Answer(status, body));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** "METHOD path?query" of every request, in order. */
    List<String> requests() {
        return received.stream().map(r -> r.method() + " " + r.pathAndQuery()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getRawPath();
        String pathAndQuery = path + (query == null ? "" : "?" + query);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), pathAndQuery, body,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + pathAndQuery,
                answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                        new Answer(404, "{\"error\": \"nothing scripted for " + pathAndQuery + "\"}")));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
