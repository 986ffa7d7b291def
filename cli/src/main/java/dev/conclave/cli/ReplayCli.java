package dev.conclave.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conclave replay ...}: the words picocli read, checked into {@link ReplayOptions} (the flags are the
 * request body's fields in kebab case) and run by {@link ReplayCommand}.
 */
@Command(name = "replay", description = "Replay scans in bulk as new runs.",
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  conclave replay --dry-run [filter] [options]   what a bulk replay would do: calls, cost",
            "  conclave replay start [filter] [options]       start a bulk replay job (a new run of each selected scan)",
            "  conclave replay start --topic T --from ISO --to ISO [--share S] [--max-in-flight N]",
            "                                                 start a topic replay of scan.results or scan.requests",
            "  conclave replay list [--status S] [--limit N]  replay jobs, newest first",
            "  conclave replay show|pause|resume|cancel <job> one job with its counts; pause, resume or cancel it"})
final class ReplayCli extends GatewayCli {

    private static final List<String> ACTIONS = List.of("start", "list", "show", "pause", "resume", "cancel");

    @Parameters(index = "0", arity = "0..1", paramLabel = "<action>", completionCandidates = Actions.class,
            description = "start, list, show, pause, resume or cancel")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<job>", description = "the job of show, pause, resume, cancel")
    String job;

    @Option(names = "--dry-run", description = "what a bulk replay with this filter would do; starts nothing")
    boolean dryRun;

    @Option(names = "--since", paramLabel = "ISO", description = "filter: the current run requested at or after")
    String since;

    @Option(names = "--until", paramLabel = "ISO", description = "filter: the current run requested before")
    String until;

    @Option(names = "--status", paramLabel = "S[,S]", description = "filter (and list): COMPLETED, PARTIAL, FAILED,"
            + " CANCELLED; list: the jobs' status")
    String status;

    @Option(names = "--failed-role", paramLabel = "ROLE", description = "filter: scans where this role failed")
    String failedRole;

    @Option(names = "--name", paramLabel = "GLOB", description = "filter: project names (* and ?)")
    String namePattern;

    @Option(names = "--model", paramLabel = "MODEL", description = "filter: scans that used this model")
    String model;

    @Option(names = "--limit", paramLabel = "N", description = "filter (and list): at most N")
    String limit;

    @Option(names = "--share", paramLabel = "S", description = "of the fleet's rate limit (default 0.2)")
    String share;

    @Option(names = "--bypass-cache", description = "ask the models afresh")
    boolean bypassCache;

    @Option(names = "--roles", paramLabel = "R[,R]", description = "analyse only these; the others are carried")
    String roles;

    @Option(names = "--max-in-flight", paramLabel = "N", description = "runs open at once")
    String maxInFlight;

    @Option(names = "--topic", paramLabel = "T", description = "topic replay: scan.results or scan.requests")
    String topic;

    @Option(names = "--from", paramLabel = "ISO", description = "topic replay: records from")
    String from;

    @Option(names = "--to", paramLabel = "ISO", description = "topic replay: records until")
    String to;

    @Option(names = "--json", description = "print the gateway's answer as it is")
    boolean json;

    /** The actions, offered by the generated completion. */
    static final class Actions extends ArrayList<String> {
        Actions() {
            super(ACTIONS);
        }
    }

    ReplayCli(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageException, GatewayException {
        return new ReplayCommand(options(), context.out(), context.apiKey()).run().code();
    }

    ReplayOptions options() throws UsageException {
        ObjectNode body = WireJson.mapper().createObjectNode();
        ObjectNode filter = body.putObject("filter");
        Map<String, String> query = new LinkedHashMap<>();
        putText(filter, "since", since);
        putText(filter, "until", until);
        putText(filter, "failedRole", failedRole);
        putText(filter, "namePattern", namePattern);
        putText(filter, "model", model);
        if (status != null) {
            query.put("status", status);
            ArrayNode statuses = filter.putArray("status");
            for (String each : status.split(",")) {
                statuses.add(each.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (limit != null) {
            query.put("limit", limit);
            filter.put("limit", WholeNumber.of(limit, "--limit is a whole number"));
        }
        if (share != null) {
            body.put("share", number("--share", share));
        }
        if (maxInFlight != null) {
            body.put("maxInFlight", WholeNumber.of(maxInFlight, "--max-in-flight is a whole number"));
        }
        if (bypassCache) {
            body.put("bypassCache", true);
        }
        if (roles != null) {
            ArrayNode list = body.putArray("roles");
            for (String role : roles.split(",")) {
                list.add(role.strip());
            }
        }
        putText(body, "topic", topic);
        putText(body, "from", from);
        putText(body, "to", to);
        String chosen = action;
        if (dryRun) {
            if (chosen != null && !chosen.equals("start")) {
                throw new UsageException("--dry-run goes with a filter, e.g. 'conclave replay --dry-run --status FAILED'");
            }
            chosen = "dry-run";
            body.put("dryRun", true);
        }
        if (chosen == null) {
            throw new UsageException("missing action: replay --dry-run, start, list, show, pause, resume or cancel");
        }
        if (body.has("topic")) {
            body.remove("filter");
        }
        URI server = server();
        return switch (chosen) {
            case "dry-run", "start" -> {
                noJob(chosen);
                yield new ReplayOptions(chosen, null, WireJson.encode(body), Map.of(), server, json);
            }
            case "list" -> {
                noJob(chosen);
                yield new ReplayOptions(chosen, null, null, query, server, json);
            }
            case "show", "pause", "resume", "cancel" -> {
                if (job == null) {
                    throw new UsageException("replay " + chosen + " needs the job's id, e.g. 'conclave replay " + chosen
                            + " 3f2a...' (ids: conclave replay list)");
                }
                yield new ReplayOptions(chosen, job, null, Map.of(), server, json);
            }
            default -> throw new UsageException("unknown replay action '" + chosen + "': use --dry-run, start, list, "
                    + "show, pause, resume or cancel");
        };
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private void noJob(String chosen) throws UsageException {
        if (job != null) {
            throw new UsageException("unexpected argument '" + job + "': replay " + chosen + " takes options only");
        }
    }

    private static double number(String flag, String value) throws UsageException {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " is a number such as 0.2, got '" + value + "'");
        }
    }
}
