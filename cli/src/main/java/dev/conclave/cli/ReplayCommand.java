package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * {@code conclave replay ...}: one call of the gateway's replay API, its answer printed as a few
 * lines (or as the gateway's JSON with {@code --json}). Exit 0 when the gateway agreed, 1 otherwise.
 */
record ReplayCommand(ReplayOptions options, PrintStream out, ApiKey apiKey) {
    private static final String PATH = "/api/v1/replays";
    /** A dry run reads every selected scan's runs and calls to estimate: more than an ordinary call's 30 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Makes the call; a gateway that cannot be reached or refuses is said by {@link ConclaveCommand} (exit 1). */
    ExitCode run() throws GatewayException {
        String what = "replay " + options.action();
        try (GatewayClient gateway = new GatewayClient(options.server(), apiKey, TIMEOUT)) {
            JsonNode json = switch (options.action()) {
                case "dry-run", "start" -> gateway.call("POST", PATH, options.body(), null, what);
                case "list" -> gateway.call("GET", PATH + query(), what);
                case "show" -> gateway.call("GET", PATH + "/" + GatewayClient.urlEncode(options.job()), what);
                default -> gateway.call("POST", PATH + "/" + GatewayClient.urlEncode(options.job()) + "/"
                        + options.action(), what);
            };
            if (options.json()) {
                out.println(json.toPrettyString());
            } else {
                print(json);
            }
            return ExitCode.COMPLETED;
        }
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
        return options.query().entrySet().stream().map(e -> e.getKey() + "=" + GatewayClient.urlEncode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

}
