package dev.conclave.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns {@code conclave replay ...} into {@link ReplayOptions}; the flags are the body's fields in kebab case. */
final class ReplayOptionsParser {

    static final String USAGE = """
              conclave replay --dry-run [filter] [options]   what a bulk replay would do: scans, calls, cache answers, cost
              conclave replay start [filter] [options]       start a bulk replay job (a new run of each selected scan)
              conclave replay start --topic T --from ISO --to ISO [--share S] [--max-in-flight N]
                                                             start a topic replay of scan.results or scan.requests
              conclave replay list [--status S] [--limit N]  replay jobs, newest first
              conclave replay show|pause|resume|cancel <job> one job with its counts; pause, resume or cancel it

            Filter of replay: --since ISO, --until ISO (the current run's request time), --status S[,S]
              (COMPLETED, PARTIAL, FAILED, CANCELLED), --failed-role ROLE, --name GLOB (* and ?), --model MODEL,
              --limit N
            Options of replay: --share S (of the fleet's rate limit, default 0.2), --bypass-cache,
              --roles R[,R] (analyse only these; the others are carried), --max-in-flight N,
              --server URL, --json (print the gateway's answer as it is)
            """;

    private static final Map<String, String> FILTER_FLAGS = Map.of("--since", "since", "--until", "until",
            "--failed-role", "failedRole", "--name", "namePattern", "--model", "model");

    private final ServerUrl servers;

    /** The {@code --server} value (null when not given) as the gateway's URL, read as {@code scan} reads it. */
    interface ServerUrl {
        URI of(String flagValue) throws UsageException;
    }

    ReplayOptionsParser(ServerUrl servers) {
        this.servers = servers;
    }

    ReplayOptions parse(List<String> args) throws UsageException {
        String action = null;
        String job = null;
        String server = null;
        boolean json = false;
        boolean dryRun = false;
        ObjectNode body = WireJson.mapper().createObjectNode();
        ObjectNode filter = body.putObject("filter");
        Map<String, String> query = new LinkedHashMap<>();
        ScanOptionsParser.ArgumentCursor cursor = new ScanOptionsParser.ArgumentCursor(args);
        while (cursor.hasNext()) {
            String arg = cursor.next();
            if (!arg.startsWith("-")) {
                if (action == null) {
                    action = arg;
                } else if (job == null) {
                    job = arg;
                } else {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                continue;
            }
            int equals = arg.indexOf('=');
            String flag = equals > 0 ? arg.substring(0, equals) : arg;
            String inline = equals > 0 ? arg.substring(equals + 1) : null;
            if (FILTER_FLAGS.containsKey(flag)) {
                filter.put(FILTER_FLAGS.get(flag), cursor.value(flag, inline));
                continue;
            }
            switch (flag) {
                case "--dry-run" -> dryRun = true;
                case "--status" -> {
                    String value = cursor.value(flag, inline);
                    query.put("status", value);
                    ArrayNode statuses = filter.putArray("status");
                    for (String status : value.split(",")) {
                        statuses.add(status.strip().toUpperCase(java.util.Locale.ROOT));
                    }
                }
                case "--limit" -> {
                    String value = cursor.value(flag, inline);
                    query.put("limit", value);
                    filter.put("limit", integer(flag, value));
                }
                case "--share" -> body.put("share", number(flag, cursor.value(flag, inline)));
                case "--max-in-flight" -> body.put("maxInFlight", integer(flag, cursor.value(flag, inline)));
                case "--bypass-cache" -> body.put("bypassCache", true);
                case "--roles" -> {
                    ArrayNode roles = body.putArray("roles");
                    for (String role : cursor.value(flag, inline).split(",")) {
                        roles.add(role.strip());
                    }
                }
                case "--topic" -> body.put("topic", cursor.value(flag, inline));
                case "--from" -> body.put("from", cursor.value(flag, inline));
                case "--to" -> body.put("to", cursor.value(flag, inline));
                case "--server" -> server = cursor.value(flag, inline);
                case "--json" -> json = true;
                default -> throw new UsageException("unknown option " + flag + " of replay");
            }
        }
        if (dryRun) {
            if (action != null && !action.equals("start")) {
                throw new UsageException("--dry-run goes with a filter, e.g. 'conclave replay --dry-run --status FAILED'");
            }
            action = "dry-run";
            body.put("dryRun", true);
        }
        if (action == null) {
            throw new UsageException("missing action: replay --dry-run, start, list, show, pause, resume or cancel");
        }
        if (body.has("topic")) {
            body.remove("filter");
        }
        URI gateway = servers.of(server);
        return switch (action) {
            case "dry-run", "start" -> {
                noJob(action, job);
                yield new ReplayOptions(action, null, WireJson.encode(body), Map.of(), gateway, json);
            }
            case "list" -> {
                noJob(action, job);
                yield new ReplayOptions(action, null, null, query, gateway, json);
            }
            case "show", "pause", "resume", "cancel" -> {
                if (job == null) {
                    throw new UsageException("replay " + action + " needs the job's id, e.g. 'conclave replay " + action
                            + " 3f2a...' (ids: conclave replay list)");
                }
                yield new ReplayOptions(action, job, null, Map.of(), gateway, json);
            }
            default -> throw new UsageException("unknown replay action '" + action + "': use --dry-run, start, list, "
                    + "show, pause, resume or cancel");
        };
    }

    private static void noJob(String action, String job) throws UsageException {
        if (job != null) {
            throw new UsageException("unexpected argument '" + job + "': replay " + action + " takes options only");
        }
    }

    private static int integer(String flag, String value) throws UsageException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " is a whole number, got '" + value + "'");
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
