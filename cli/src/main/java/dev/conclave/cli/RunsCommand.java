package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code conclave runs list|show|start|diff}: the runs of one scan, in the words of
 * {@code /api/v1/scans/{id}/runs}. Text for a person by default, the gateway's JSON with {@code --json}.
 */
final class RunsCommand {
    static final String USAGE = """
            Usage:
              conclave runs list <scan-id>                  every run of the scan: origin, status, roles, cost
              conclave runs show <scan-id> <run>            one run: its roles and its report's main figures
              conclave runs start <scan-id> [options]       run the scan again (run n+1); earlier runs stay
                --roles a,b                   analyse only these roles again; the others are carried over
                --bypass-cache                ask the models afresh
                --prompt-version ROLE=V       use prompt version V for ROLE (repeatable)
                --model ROLE=PROVIDER/MODEL   use this model for ROLE; repeat for a fallback chain, in order
                --wait                        follow the run until it ends (exit code as for scan)
                --timeout SECONDS             with --wait: stop following after this long (default 600)
              conclave runs diff <scan-id> [--from N] [--to N]
                                            what changed between two runs' reports (default: the last two)
            Options of every runs command: --server URL (default: $CONCLAVE_SERVER), --json (the gateway's JSON).
            """;
    private static final Set<String> VALUE_OPTIONS = Set.of("--server", "--roles", "--prompt-version", "--model",
            "--from", "--to", "--timeout");
    private static final Set<String> SWITCHES = Set.of("--json", "--bypass-cache", "--wait");

    private final PrintStream out;
    private final PrintStream err;
    private final ScanOptionsParser parser;

    RunsCommand(PrintStream out, PrintStream err, ScanOptionsParser parser) {
        this.out = out;
        this.err = err;
        this.parser = parser;
    }

    int run(List<String> args) throws UsageException {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            out.print(USAGE);
            return args.isEmpty() ? ExitCode.USAGE.code() : ExitCode.COMPLETED.code();
        }
        String action = args.get(0);
        CommandArgs parsed = CommandArgs.parse("runs " + action, args.subList(1, args.size()), VALUE_OPTIONS, SWITCHES);
        List<String> positionals = parsed.positionals();
        if (positionals.isEmpty()) {
            throw new UsageException("'runs " + action + "' needs a scan id");
        }
        String scanId = scanId(positionals.get(0));
        URI server = parser.serverUrl(parsed.value("--server"));
        String base = GatewayClient.SCANS_PATH + "/" + scanId + "/runs";
        try (GatewayClient gateway = new GatewayClient(server, parser.apiKey())) {
            return switch (action) {
                case "list" -> {
                    JsonNode runs = gateway.call("GET", base, "list the runs of scan " + scanId);
                    print(parsed, runs, () -> printList(runs));
                    yield ExitCode.COMPLETED.code();
                }
                case "show" -> {
                    if (positionals.size() < 2) {
                        throw new UsageException("'runs show' needs a scan id and a run number");
                    }
                    int run = number("run", positionals.get(1));
                    JsonNode view = gateway.call("GET", base + "/" + run, "read run " + run + " of scan " + scanId);
                    print(parsed, view, () -> printRun(view));
                    yield ExitCode.COMPLETED.code();
                }
                case "start" -> start(gateway, parsed, scanId, base);
                case "diff" -> {
                    List<String> query = new ArrayList<>();
                    if (parsed.value("--from") != null) {
                        query.add("from=" + number("--from", parsed.value("--from")));
                    }
                    if (parsed.value("--to") != null) {
                        query.add("to=" + number("--to", parsed.value("--to")));
                    }
                    JsonNode diff = gateway.call("GET", base + "/diff" + (query.isEmpty() ? "" : "?" + String.join("&", query)),
                            "compare runs of scan " + scanId);
                    print(parsed, diff, () -> printDiff(diff));
                    yield ExitCode.COMPLETED.code();
                }
                default -> throw new UsageException("unknown runs command '" + action + "'; one of list, show, start, diff");
            };
        } catch (GatewayException e) {
            err.println("conclave: " + e.getMessage());
            return ExitCode.FAILED.code();
        }
    }

    private int start(GatewayClient gateway, CommandArgs parsed, String scanId, String base)
            throws GatewayException, UsageException {
        ObjectNode body = WireJson.mapper().createObjectNode();
        if (parsed.value("--roles") != null) {
            var roles = body.putArray("roles");
            for (String role : parsed.value("--roles").split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        }
        if (parsed.has("--bypass-cache")) {
            body.put("bypassCache", true);
        }
        Map<String, ObjectNode> overrides = new LinkedHashMap<>();
        for (String pair : parsed.values("--prompt-version")) {
            String[] split = rolePair("--prompt-version", pair);
            overrides.computeIfAbsent(split[0], r -> WireJson.mapper().createObjectNode()).put("promptVersion", split[1]);
        }
        for (String pair : parsed.values("--model")) {
            String[] split = rolePair("--model", pair);
            ObjectNode override = overrides.computeIfAbsent(split[0], r -> WireJson.mapper().createObjectNode());
            (override.has("chain") ? (com.fasterxml.jackson.databind.node.ArrayNode) override.get("chain")
                    : override.putArray("chain")).add(split[1]);
        }
        if (!overrides.isEmpty()) {
            overrides.forEach(body.putObject("overrides")::set);
        }
        Duration timeout = Duration.ofSeconds(parsed.value("--timeout") == null ? 600 : number("--timeout", parsed.value("--timeout")));
        // One key per invocation: a retry after a lost answer returns this run instead of starting another.
        JsonNode accepted = gateway.call("POST", base, WireJson.encode(body), UUID.randomUUID().toString(),
                "start a run of scan " + scanId);
        int run = accepted.path("run").asInt();
        if (!parsed.has("--wait")) {
            print(parsed, accepted, () -> out.println("run " + run + " of scan " + scanId + " is queued; follow it with "
                    + "conclave runs show " + scanId + " " + run));
            return ExitCode.COMPLETED.code();
        }
        err.println("run " + run + " of scan " + scanId + " is queued; waiting for it to end ...");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode view = gateway.call("GET", base + "/" + run, "read run " + run + " of scan " + scanId);
            ScanStatus status = ScanStatus.valueOf(view.path("status").asText());
            if (status.isFinal()) {
                print(parsed, view, () -> printRun(view));
                return ExitCode.of(status).code();
            }
            if (System.nanoTime() > deadline) {
                err.println("conclave: run " + run + " of scan " + scanId + " is still " + status + " after "
                        + timeout.toSeconds() + " s; it goes on on the server (conclave runs show " + scanId + " " + run + ")");
                return ExitCode.FAILED.code();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.FAILED.code();
            }
        }
    }

    private void print(CommandArgs parsed, JsonNode json, Runnable text) {
        if (parsed.has("--json")) {
            out.println(json.toPrettyString());
        } else {
            text.run();
        }
    }

    private void printList(JsonNode runs) {
        out.printf("%-4s %-13s %-10s %-32s %-24s %10s %6s  %s%n", "RUN", "ORIGIN", "STATUS", "ANALYSED", "CARRIED",
                "COST", "CALLS", "REQUESTED");
        for (JsonNode run : runs) {
            List<String> carried = new ArrayList<>();
            run.path("carriedRoles").fields().forEachRemaining(e -> carried.add(e.getKey() + "@" + e.getValue().asInt()));
            out.printf("%-4d %-13s %-10s %-32s %-24s %10s %6s  %s%n", run.path("run").asInt(), run.path("origin").asText(),
                    run.path("status").asText(), join(run.path("roles")), String.join(",", carried),
                    run.path("costUsd").isNumber() ? NumberText.usd(run.path("costUsd").decimalValue()) : "-",
                    run.path("apiCalls").isNumber() ? run.path("apiCalls").asText() : "-", run.path("requestedAt").asText());
        }
    }

    private void printRun(JsonNode view) {
        out.println("scan " + view.path("scanId").asText() + " (" + view.path("name").asText() + ") run "
                + view.path("run").asInt() + " of " + view.path("currentRun").asInt() + ": " + view.path("status").asText());
        for (JsonNode role : view.path("roles")) {
            String carried = role.path("carriedFrom").isInt() ? " (carried from run " + role.path("carriedFrom").asInt() + ")" : "";
            out.println("  " + role.path("role").asText() + ": " + role.path("state").asText()
                    + (role.path("model").isTextual() ? " " + role.path("provider").asText() + "/" + role.path("model").asText() : "")
                    + carried);
        }
        JsonNode report = view.path("result");
        if (report.isObject()) {
            JsonNode insights = report.path("aggregated_insights");
            if (insights.isObject()) {
                out.println("  scores: vibecodibility " + insights.path("vibecodibility_score").asText() + "/10, fit "
                        + insights.path("fit_score").asText() + "/10");
                insights.path("top_priorities").forEach(p -> out.println("  priority: " + p.asText()));
            }
            report.at("/deployment_analysis/deployment_blockers").forEach(b -> out.println("  blocker ("
                    + b.path("severity").asText() + "): " + b.path("issue").asText()));
            JsonNode metadata = report.path("metadata");
            out.println("  cost " + NumberText.usd(metadata.path("cost_usd").decimalValue()) + ", "
                    + metadata.path("api_calls").asInt() + " provider calls, " + metadata.path("cache_hits").asInt()
                    + " cache hits");
        }
    }

    private void printDiff(JsonNode diff) {
        out.println("scan " + diff.path("scan_id").asText() + ": run " + diff.path("from_run").asInt() + " -> run "
                + diff.path("to_run").asInt());
        change("status", diff.path("status"));
        for (JsonNode score : diff.path("scores")) {
            change(score.path("name").asText(), score);
        }
        for (String list : List.of("priorities", "blockers", "models_used")) {
            JsonNode items = diff.path(list);
            items.path("added").forEach(item -> out.println("  " + list + " + " + item.asText()));
            items.path("removed").forEach(item -> out.println("  " + list + " - " + item.asText()));
        }
        JsonNode cost = diff.path("cost_usd");
        out.println("  cost " + usd(cost.path("from")) + " -> " + usd(cost.path("to")));
        for (JsonNode role : diff.path("cost_per_role")) {
            if (!role.path("from").equals(role.path("to"))) {
                out.println("  cost of " + role.path("name").asText() + " " + usd(role.path("from")) + " -> "
                        + usd(role.path("to")));
            }
        }
    }

    private void change(String name, JsonNode change) {
        String from = change.path("from").isNull() || change.path("from").isMissingNode() ? "-" : change.path("from").asText();
        String to = change.path("to").isNull() || change.path("to").isMissingNode() ? "-" : change.path("to").asText();
        out.println((from.equals(to) ? "    " : "  * ") + name + " " + from + (from.equals(to) ? "" : " -> " + to));
    }

    private static String usd(JsonNode value) {
        return value.isNumber() ? NumberText.usd(new BigDecimal(value.asText())) : "-";
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    private static String[] rolePair(String option, String pair) throws UsageException {
        int equals = pair.indexOf('=');
        if (equals <= 0 || equals == pair.length() - 1) {
            throw new UsageException(option + " takes ROLE=VALUE, got '" + pair + "'");
        }
        return new String[] {pair.substring(0, equals).trim(), pair.substring(equals + 1).trim()};
    }

    private static String scanId(String value) throws UsageException {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + value + "' is not a scan id (a UUID, as printed by conclave scan)");
        }
    }

    private static int number(String what, String value) throws UsageException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(what + " must be a whole number from 1, got '" + value + "'");
    }
}
