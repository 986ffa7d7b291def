package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * {@code conclave replay ...}: one call of the gateway's replay API, its answer printed as a few
 * lines (or as the gateway's JSON with {@code --json}). Exit 0 when the gateway agreed, 1 otherwise.
 */
final class ReplayCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ReplayOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ReplayCommand(ReplayOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    ExitCode run() {
        String base = options.server() + "/api/v1/replays";
        HttpRequest.Builder request = switch (options.action()) {
            case "dry-run", "start" -> HttpRequest.newBuilder(URI.create(base))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(options.body()));
            case "list" -> HttpRequest.newBuilder(URI.create(base + query())).GET();
            case "show" -> HttpRequest.newBuilder(URI.create(base + "/" + encode(options.job()))).GET();
            default -> HttpRequest.newBuilder(URI.create(base + "/" + encode(options.job()) + "/" + options.action()))
                    .POST(HttpRequest.BodyPublishers.noBody());
        };
        if (options.requestedBy() != null && !options.requestedBy().isBlank()) {
            request.header("X-Requested-By", options.requestedBy());
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("conclave: cannot reach the Conclave gateway at " + options.server() + " (" + e + "). Is it "
                    + "running? Check with ./conclave status, or point --server or $CONCLAVE_SERVER at it.");
            return ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        }
        JsonNode json = parse(answer.body());
        if (answer.statusCode() >= 300) {
            String why = json != null && json.hasNonNull("error") ? json.get("error").asText() : answer.body();
            err.println("conclave: the gateway refused replay " + options.action() + " (HTTP " + answer.statusCode() + "): "
                    + why);
            return ExitCode.FAILED;
        }
        if (options.json() || json == null) {
            out.println(answer.body());
        } else {
            print(json);
        }
        return ExitCode.COMPLETED;
    }

    private void print(JsonNode json) {
        switch (options.action()) {
            case "dry-run" -> printEstimate(json, "");
            case "list" -> {
                if (json.isEmpty()) {
                    out.println("no replay jobs");
                }
                json.forEach(job -> out.println(jobLine(job)));
            }
            default -> {
                out.println(jobLine(json));
                JsonNode progress = json.path("progress");
                if (progress.isObject()) {
                    out.printf("  selected %d, started %d (open %d, pending %d): completed %d, partial %d, failed %d, "
                            + "cancelled %d, skipped %d%n", progress.path("selected").asInt(), progress.path("started").asInt(),
                            progress.path("open").asInt(), progress.path("pending").asInt(),
                            progress.path("completed").asInt(), progress.path("partial").asInt(),
                            progress.path("failed").asInt(), progress.path("cancelled").asInt(),
                            progress.path("skipped").asInt());
                }
                if (json.path("estimate").isObject()) {
                    printEstimate(json.path("estimate"), "  estimate: ");
                }
                if (json.hasNonNull("lastError")) {
                    out.println("  last error: " + json.get("lastError").asText());
                }
            }
        }
    }

    private void printEstimate(JsonNode estimate, String prefix) {
        out.printf("%s%d scans: %d calls (%d role calls, %d syntheses), %d answered by the cache, %d provider calls, "
                + "about %d tokens, estimated USD %s%n", prefix, estimate.path("scans").asInt(), estimate.path("calls").asInt(),
                estimate.path("roleCalls").asInt(), estimate.path("synthesisCalls").asInt(),
                estimate.path("cacheAnswers").asInt(), estimate.path("providerCalls").asInt(),
                estimate.path("estimatedTokens").asLong(), estimate.path("estimatedCostUsd").asText());
        estimate.path("notes").forEach(note -> out.println(prefix.isEmpty() ? "note: " + note.asText()
                : "  note: " + note.asText()));
    }

    private static String jobLine(JsonNode job) {
        return "%s  %-10s %-5s share %s, by %s, created %s".formatted(job.path("id").asText(), job.path("status").asText(),
                job.path("kind").asText(), job.path("share").asText(),
                job.hasNonNull("requestedBy") ? job.get("requestedBy").asText() : "-", job.path("createdAt").asText());
    }

    private String query() {
        if (options.query().isEmpty()) {
            return "";
        }
        return options.query().entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body) {
        try {
            return WireJson.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
