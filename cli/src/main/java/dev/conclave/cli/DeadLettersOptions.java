package dev.conclave.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code conclave dead-letters <action> ...} once understood: the action, the letter's id or
 * {@code --all}, the filters (named as the gateway's query parameters: topic, reason, from, to,
 * redriven), and the action's flags.
 */
record DeadLettersOptions(Action action, URI server, Long id, boolean all, Map<String, String> filters, int limit,
        String cursor, boolean force, boolean json) {

    enum Action { LIST, SHOW, REDRIVE, PURGE, HELP }

    static final String USAGE = """
            Usage:
              conclave dead-letters list [filters] [--limit N] [--cursor C] [--json]
              conclave dead-letters show <id> [--json]
              conclave dead-letters redrive <id> [--force]
              conclave dead-letters redrive --all [filters] [--force]
              conclave dead-letters purge <id>
              conclave dead-letters purge --all [filters]

            Filters (all optional; --all with none means every dead letter):
              --topic TOPIC       the topic it was consumed from (scan.requests, scan.results)
              --reason TEXT       words of the reason, any case
              --since TIME        dead-lettered at or after TIME (ISO-8601: 2026-11-30T10:00:00Z or 2026-11-30)
              --until TIME        dead-lettered before TIME
              --redriven BOOL     true: only those re-driven before; false: only those never re-driven

            redrive sends the original record back to its topic with a redriven-from header, once:
            a letter re-driven before is skipped unless --force. purge removes it from the index only
            (the topic keeps it until Kafka's retention deletes it).
              --server URL        the gateway (default: $CONCLAVE_SERVER, else %s)
            """.formatted(ScanOptions.DEFAULT_SERVER);

    private static final int DEFAULT_LIMIT = 50;

    static DeadLettersOptions parse(List<String> args, ScanOptionsParser common) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("dead-letters needs an action: list, show, redrive or purge");
        }
        Action action = switch (args.getFirst()) {
            case "list" -> Action.LIST;
            case "show" -> Action.SHOW;
            case "redrive" -> Action.REDRIVE;
            case "purge" -> Action.PURGE;
            case "--help", "-h", "help" -> Action.HELP;
            default -> throw new UsageException("unknown dead-letters action '" + args.getFirst()
                    + "': one of list, show, redrive, purge");
        };
        Map<String, String> filters = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        String server = null;
        String limit = null;
        String cursor = null;
        boolean all = false;
        boolean force = false;
        boolean json = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String flag = equals > 0 ? arg.substring(0, equals) : arg;
            String value = equals > 0 ? arg.substring(equals + 1) : null;
            if (List.of("--all", "--force", "--json", "--help").contains(flag)) {
                if (value != null) {
                    throw new UsageException(flag + " takes no value, got '" + value + "'");
                }
            } else if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(flag + " needs a value");
                }
                value = args.get(++i);
            }
            switch (flag) {
                case "--help" -> action = Action.HELP;
                case "--all" -> all = true;
                case "--force" -> force = true;
                case "--json" -> json = true;
                case "--server" -> server = value;
                case "--limit" -> limit = value;
                case "--cursor" -> cursor = value;
                case "--topic" -> filters.put("topic", value);
                case "--reason" -> filters.put("reason", value);
                case "--since" -> filters.put("from", value);
                case "--until" -> filters.put("to", value);
                case "--redriven" -> filters.put("redriven", bool(value));
                default -> throw new UsageException("unknown option " + flag + " of dead-letters " + args.getFirst());
            }
        }
        if (action == Action.HELP) {
            return new DeadLettersOptions(action, null, null, false, Map.of(), DEFAULT_LIMIT, null, false, false);
        }
        Long id = target(action, positional, all, filters);
        if (force && action != Action.REDRIVE) {
            throw new UsageException("--force is for redrive");
        }
        return new DeadLettersOptions(action, common.serverUrl(server), id, all, Map.copyOf(filters), limit(limit),
                cursor, force, json);
    }

    /** The id an action needs, or null for a list or an {@code --all}; refuses what does not fit. */
    private static Long target(Action action, List<String> positional, boolean all, Map<String, String> filters)
            throws UsageException {
        String verb = action.name().toLowerCase(Locale.ROOT);
        if (positional.size() > 1) {
            throw new UsageException("unexpected argument '" + positional.get(1) + "': " + verb + " takes one id");
        }
        if (action == Action.LIST) {
            if (!positional.isEmpty() || all) {
                throw new UsageException("list takes filters, not an id or --all");
            }
            return null;
        }
        if (action == Action.SHOW && all) {
            throw new UsageException("show takes one id, not --all");
        }
        if (all) {
            if (!positional.isEmpty()) {
                throw new UsageException(verb + " takes an id or --all, not both");
            }
            return null;
        }
        if (positional.isEmpty()) {
            throw new UsageException(verb + " needs the dead letter's id (see 'conclave dead-letters list')"
                    + (action == Action.SHOW ? "" : ", or --all with filters"));
        }
        if (!filters.isEmpty()) {
            throw new UsageException("filters go with --all; " + verb + " <id> is about one dead letter");
        }
        try {
            return Long.parseLong(positional.getFirst());
        } catch (NumberFormatException e) {
            throw new UsageException("'" + positional.getFirst() + "' is not a dead letter id (a whole number)");
        }
    }

    private static int limit(String value) throws UsageException {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--limit must be a whole number above 0, got '" + value + "'");
    }

    private static String bool(String value) throws UsageException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> "true";
            case "false", "no" -> "false";
            default -> throw new UsageException("--redriven must be true or false, got '" + value + "'");
        };
    }
}
