package dev.conclave.cli;

import dev.conclave.model.ProgressEvent;
import dev.conclave.model.WireFormatException;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows a scan's {@code GET /api/v1/scans/{id}/events} (Server-Sent Events) and hands each
 * {@code progress} event to a listener, until the gateway sends {@code end} or the follower is closed.
 * Progress is a view: when the gateway has no event stream (an older gateway, Redis down) this simply
 * ends, and the status polls carry on alone.
 */
final class ProgressEvents implements AutoCloseable {
    private final Thread reader;

    private ProgressEvents(Thread reader) {
        this.reader = reader;
    }

    /** Starts following on a virtual thread of its own. */
    static ProgressEvents follow(GatewayClient gateway, String scanId, Consumer<ProgressEvent> listener) {
        HttpRequest events = gateway.events(scanId);
        return new ProgressEvents(Thread.ofVirtual().name("progress-" + scanId).start(() -> read(events, listener)));
    }

    private static void read(HttpRequest events, Consumer<ProgressEvent> listener) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<Stream<String>> response = http.send(events, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                response.body().close();
                return;
            }
            try (Stream<String> lines = response.body()) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                for (Iterator<String> it = lines.iterator(); it.hasNext() && !Thread.currentThread().isInterrupted();) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (name.equals("end")) {
                            return;
                        }
                        if (name.equals("progress") && !data.isEmpty()) {
                            dispatch(data.toString(), listener);
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // No live progress; the polls still follow the scan.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void dispatch(String json, Consumer<ProgressEvent> listener) {
        try {
            listener.accept(WireJson.decode(json, ProgressEvent.class));
        } catch (WireFormatException e) {
            // An event this CLI does not understand (a newer stage): skip it, keep following.
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
