package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import dev.conclave.report.NumberText;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conclave runs list|show|start|diff}: the runs of one scan, in the words of
 * {@code /api/v1/scans/{id}/runs}. Text for a person by default, the gateway's JSON with {@code --json}.
 */
@Command(name = "runs", description = "The runs of a scan: re-run it, compare two runs' reports.",
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  conclave runs list <scan-id>                  every run of the scan: origin, status, roles, cost",
            "  conclave runs show <scan-id> <run>            one run: its roles and its report's main figures",
            "  conclave runs start <scan-id> [options]       run the scan again (run n+1); earlier runs stay",
            "  conclave runs diff <scan-id> [--from N] [--to N]",
            "                                                what changed between two runs' reports (default: the last two)"})
final class RunsCommand extends GatewayCli {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<action>", completionCandidates = Actions.class,
            description = "list, show, start or diff")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<scan-id>", description = "the scan, as conclave scan prints it")
    String scan;

    @Parameters(index = "2", arity = "0..1", paramLabel = "<run>", description = "show: the run's number")
    String runNumber;

    @Option(names = "--json", description = "print the gateway's JSON as it is")
    boolean json;

    @Option(names = "--roles", paramLabel = "a,b", description = "start: analyse only these roles again; the others"
            + " are carried over")
    String roles;

    @Option(names = "--bypass-cache", description = "start: ask the models afresh")
    boolean bypassCache;

    @Option(names = "--prompt-version", paramLabel = "ROLE=V", description = "start: use prompt version V for ROLE"
            + " (repeatable)")
    List<String> promptVersions = new ArrayList<>();

    @Option(names = "--model", paramLabel = "ROLE=PROVIDER/MODEL", description = "start: use this model for ROLE;"
            + " repeat for a fallback chain, in order")
    List<String> models = new ArrayList<>();

    @Option(names = "--wait", description = "start: follow the run until it ends (exit code as for scan)")
    boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "start with --wait: stop following after this"
            + " long (default 600)")
    String timeout;

    @Option(names = "--from", paramLabel = "N", description = "diff: the earlier run (default: the one before --to)")
    String from;

    @Option(names = "--to", paramLabel = "N", description = "diff: the later run (default: the last)")
    String to;

    private static final List<String> ACTIONS = List.of("list", "show", "start", "diff");

    /** The actions, offered by the generated completion. */
    static final class Actions extends ArrayList<String> {
        Actions() {
            super(ACTIONS);
        }
    }

    RunsCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageException, GatewayException {
        if (action == null) {
            // As ever: the usage on stdout, but a usage exit code, since nothing was asked.
            context.printUsage(spec);
            return ExitCode.USAGE.code();
        }
        if (!ACTIONS.contains(action)) {
            throw new UsageException("unknown runs command '" + action + "'; one of list, show, start, diff");
        }
        if (scan == null) {
            throw new UsageException("'runs " + action + "' needs a scan id");
        }
        String scanId = scanId(scan);
        URI server = server();
        String base = GatewayClient.SCANS_PATH + "/" + scanId + "/runs";
        try (GatewayClient gateway = new GatewayClient(server, context.apiKey())) {
            return switch (action) {
                case "list" -> {
                    JsonNode runs = gateway.call("GET", base, "list the runs of scan " + scanId);
                    print(runs, () -> printList(runs));
                    yield ExitCode.COMPLETED.code();
                }
                case "show" -> {
                    if (runNumber == null) {
                        throw new UsageException("'runs show' needs a scan id and a run number");
                    }
                    int run = number("run", runNumber);
                    JsonNode view = gateway.call("GET", base + "/" + run, "read run " + run + " of scan " + scanId);
                    print(view, () -> printRun(view));
                    yield ExitCode.COMPLETED.code();
                }
                case "start" -> start(gateway, scanId, base);
                default -> {
                    List<String> query = new ArrayList<>();
                    if (from != null) {
                        query.add("from=" + number("--from", from));
                    }
                    if (to != null) {
                        query.add("to=" + number("--to", to));
                    }
                    JsonNode diff = gateway.call("GET", base + "/diff" + (query.isEmpty() ? "" : "?" + String.join("&", query)),
                            "compare runs of scan " + scanId);
                    print(diff, () -> printDiff(diff));
                    yield ExitCode.COMPLETED.code();
                }
            };
        }
    }

    private int start(GatewayClient gateway, String scanId, String base) throws GatewayException, UsageException {
        ObjectNode body = WireJson.mapper().createObjectNode();
        if (roles != null) {
            var roleArray = body.putArray("roles");
            for (String role : roles.split(",")) {
                if (!role.isBlank()) {
                    roleArray.add(role.trim());
                }
            }
        }
        if (bypassCache) {
            body.put("bypassCache", true);
        }
        Map<String, ObjectNode> overrides = new LinkedHashMap<>();
        for (String pair : promptVersions) {
            String[] split = rolePair("--prompt-version", pair);
            overrides.computeIfAbsent(split[0], r -> WireJson.mapper().createObjectNode()).put("promptVersion", split[1]);
        }
        for (String pair : models) {
            String[] split = rolePair("--model", pair);
            ObjectNode override = overrides.computeIfAbsent(split[0], r -> WireJson.mapper().createObjectNode());
            (override.has("chain") ? (com.fasterxml.jackson.databind.node.ArrayNode) override.get("chain")
                    : override.putArray("chain")).add(split[1]);
        }
        if (!overrides.isEmpty()) {
            overrides.forEach(body.putObject("overrides")::set);
        }
        Duration waitLimit = Duration.ofSeconds(timeout == null ? 600 : number("--timeout", timeout));
        // One key per invocation: a retry after a lost answer returns this run instead of starting another.
        JsonNode accepted = gateway.call("POST", base, WireJson.encode(body), UUID.randomUUID().toString(),
                "start a run of scan " + scanId);
        int run = accepted.path("run").asInt();
        if (!waitForEnd) {
            print(accepted, () -> out().println("run " + run + " of scan " + scanId + " is queued; follow it with "
                    + "conclave runs show " + scanId + " " + run));
            return ExitCode.COMPLETED.code();
        }
        context.err().println("run " + run + " of scan " + scanId + " is queued; waiting for it to end ...");
        long deadline = System.nanoTime() + waitLimit.toNanos();
        while (true) {
            JsonNode view = gateway.call("GET", base + "/" + run, "read run " + run + " of scan " + scanId);
            ScanStatus status = ScanStatus.valueOf(view.path("status").asText());
            if (status.isFinal()) {
                print(view, () -> printRun(view));
                return ExitCode.of(status).code();
            }
            if (System.nanoTime() > deadline) {
                context.err().println("conclave: run " + run + " of scan " + scanId + " is still " + status + " after "
                        + waitLimit.toSeconds() + " s; it goes on on the server (conclave runs show " + scanId + " " + run
                        + ")");
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

    private PrintStream out() {
        return context.out();
    }

    private void print(JsonNode json, Runnable text) {
        if (this.json) {
            out().println(json.toPrettyString());
        } else {
            text.run();
        }
    }

    private void printList(JsonNode runs) {
        out().printf("%-4s %-13s %-10s %-32s %-24s %10s %6s  %s%n", "RUN", "ORIGIN", "STATUS", "ANALYSED", "CARRIED",
                "COST", "CALLS", "REQUESTED");
        for (JsonNode run : runs) {
            List<String> carried = new ArrayList<>();
            run.path("carriedRoles").fields().forEachRemaining(e -> carried.add(e.getKey() + "@" + e.getValue().asInt()));
            out().printf("%-4d %-13s %-10s %-32s %-24s %10s %6s  %s%n", run.path("run").asInt(), run.path("origin").asText(),
                    run.path("status").asText(), join(run.path("roles")), String.join(",", carried),
                    run.path("costUsd").isNumber() ? NumberText.usd(run.path("costUsd").decimalValue()) : "-",
                    run.path("apiCalls").isNumber() ? run.path("apiCalls").asText() : "-", run.path("requestedAt").asText());
        }
    }

    private void printRun(JsonNode view) {
        out().println("scan " + view.path("scanId").asText() + " (" + view.path("name").asText() + ") run "
                + view.path("run").asInt() + " of " + view.path("currentRun").asInt() + ": " + view.path("status").asText());
        for (JsonNode role : view.path("roles")) {
            String carried = role.path("carriedFrom").isInt() ? " (carried from run " + role.path("carriedFrom").asInt() + ")" : "";
            out().println("  " + role.path("role").asText() + ": " + role.path("state").asText()
                    + (role.path("model").isTextual() ? " " + role.path("provider").asText() + "/" + role.path("model").asText() : "")
                    + carried);
        }
        JsonNode report = view.path("result");
        if (report.isObject()) {
            JsonNode insights = report.path("aggregated_insights");
            if (insights.isObject()) {
                out().println("  scores: vibecodibility " + insights.path("vibecodibility_score").asText() + "/10, fit "
                        + insights.path("fit_score").asText() + "/10");
                insights.path("top_priorities").forEach(p -> out().println("  priority: " + p.asText()));
            }
            report.at("/deployment_analysis/deployment_blockers").forEach(b -> out().println("  blocker ("
                    + b.path("severity").asText() + "): " + b.path("issue").asText()));
            JsonNode metadata = report.path("metadata");
            out().println("  cost " + NumberText.usd(metadata.path("cost_usd").decimalValue()) + ", "
                    + metadata.path("api_calls").asInt() + " provider calls, " + metadata.path("cache_hits").asInt()
                    + " cache hits");
        }
    }

    private void printDiff(JsonNode diff) {
        out().println("scan " + diff.path("scan_id").asText() + ": run " + diff.path("from_run").asInt() + " -> run "
                + diff.path("to_run").asInt());
        change("status", diff.path("status"));
        for (JsonNode score : diff.path("scores")) {
            change(score.path("name").asText(), score);
        }
        for (String list : List.of("priorities", "blockers", "models_used")) {
            JsonNode items = diff.path(list);
            items.path("added").forEach(item -> out().println("  " + list + " + " + item.asText()));
            items.path("removed").forEach(item -> out().println("  " + list + " - " + item.asText()));
        }
        JsonNode cost = diff.path("cost_usd");
        out().println("  cost " + usd(cost.path("from")) + " -> " + usd(cost.path("to")));
        for (JsonNode role : diff.path("cost_per_role")) {
            if (!role.path("from").equals(role.path("to"))) {
                out().println("  cost of " + role.path("name").asText() + " " + usd(role.path("from")) + " -> "
                        + usd(role.path("to")));
            }
        }
    }

    private void change(String name, JsonNode change) {
        String from = change.path("from").isNull() || change.path("from").isMissingNode() ? "-" : change.path("from").asText();
        String to = change.path("to").isNull() || change.path("to").isMissingNode() ? "-" : change.path("to").asText();
        out().println((from.equals(to) ? "    " : "  * ") + name + " " + from + (from.equals(to) ? "" : " -> " + to));
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
        return WholeNumber.aboveZero(value, what + " must be a whole number from 1");
    }
}
