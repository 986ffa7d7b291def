package dev.conclave.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conclave dead-letters list|show|redrive|purge ...}: the words picocli read, checked into
 * {@link DeadLettersOptions} (an id or {@code --all}, filters only with a list or {@code --all}) and run by
 * {@link DeadLettersCommand}.
 */
@Command(name = "dead-letters", description = "List, show, re-drive and purge dead letters.",
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  conclave dead-letters list [filters] [--limit N] [--cursor C] [--json]",
            "  conclave dead-letters show <id> [--json]",
            "  conclave dead-letters redrive <id> [--force]",
            "  conclave dead-letters redrive --all [filters] [--force]",
            "  conclave dead-letters purge <id>",
            "  conclave dead-letters purge --all [filters]"},
        footer = {"",
            "Filters are all optional; --all with none means every dead letter.",
            "redrive sends the original record back to its topic with a redriven-from header, once:",
            "a letter re-driven before is skipped unless --force. purge removes it from the index only",
            "(the topic keeps it until Kafka's retention deletes it)."})
final class DeadLettersCli extends GatewayCli {

    private static final int DEFAULT_LIMIT = 50;
    private static final List<String> ACTIONS = List.of("list", "show", "redrive", "purge");

    @Parameters(index = "0", arity = "0..1", paramLabel = "<action>", completionCandidates = Actions.class,
            description = "list, show, redrive or purge")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<id>", description = "the dead letter (see the list)")
    String id;

    @Option(names = "--all", description = "redrive or purge every dead letter the filters match")
    boolean all;

    @Option(names = "--force", description = "redrive: also letters re-driven before")
    boolean force;

    @Option(names = "--json", description = "print the gateway's JSON as it is")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "list: at most N (default " + DEFAULT_LIMIT + ")")
    String limit;

    @Option(names = "--cursor", paramLabel = "C", description = "list: the next page, as the last list said")
    String cursor;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "filter: the topic it was consumed from (scan.requests, scan.results)")
    String topic;

    @Option(names = "--reason", paramLabel = "TEXT", description = "filter: words of the reason, any case")
    String reason;

    @Option(names = "--since", paramLabel = "TIME", description = "filter: dead-lettered at or after TIME"
            + " (ISO-8601: 2026-11-30T10:00:00Z or 2026-11-30)")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "filter: dead-lettered before TIME")
    String until;

    @Option(names = "--redriven", paramLabel = "BOOL",
            description = "filter: true: only those re-driven before; false: only those never re-driven")
    String redriven;

    /** The actions, offered by the generated completion. */
    static final class Actions extends ArrayList<String> {
        Actions() {
            super(ACTIONS);
        }
    }

    DeadLettersCli(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageException, GatewayException {
        return context.helpWord(action, spec) ? ExitCode.COMPLETED.code()
                : new DeadLettersCommand(options(), context.out(), context.err(), context.apiKey()).run();
    }

    DeadLettersOptions options() throws UsageException {
        if (action == null) {
            throw new UsageException("dead-letters needs an action: list, show, redrive or purge");
        }
        if (!ACTIONS.contains(action)) {
            throw new UsageException("unknown dead-letters action '" + action + "': one of list, show, redrive, purge");
        }
        DeadLettersOptions.Action chosen = DeadLettersOptions.Action.valueOf(action.toUpperCase(Locale.ROOT));
        Map<String, String> filters = new LinkedHashMap<>();
        putFilter(filters, "topic", topic);
        putFilter(filters, "reason", reason);
        putFilter(filters, "from", since);
        putFilter(filters, "to", until);
        if (redriven != null) {
            filters.put("redriven", bool(redriven));
        }
        Long letter = target(chosen, id == null ? List.of() : List.of(id), all, filters);
        if (force && chosen != DeadLettersOptions.Action.REDRIVE) {
            throw new UsageException("--force is for redrive");
        }
        return new DeadLettersOptions(chosen, server(), letter, all, Map.copyOf(filters),
                limit(limit), cursor, force, json);
    }

    private static void putFilter(Map<String, String> filters, String name, String value) {
        if (value != null) {
            filters.put(name, value);
        }
    }

    /** The id an action needs, or null for a list or an {@code --all}; refuses what does not fit. */
    private static Long target(DeadLettersOptions.Action action, List<String> positional, boolean all, Map<String, String> filters)
            throws UsageException {
        String verb = action.name().toLowerCase(Locale.ROOT);
        if (positional.size() > 1) {
            throw new UsageException("unexpected argument '" + positional.get(1) + "': " + verb + " takes one id");
        }
        if (action == DeadLettersOptions.Action.LIST) {
            if (!positional.isEmpty() || all) {
                throw new UsageException("list takes filters, not an id or --all");
            }
            return null;
        }
        if (action == DeadLettersOptions.Action.SHOW && all) {
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
                    + (action == DeadLettersOptions.Action.SHOW ? "" : ", or --all with filters"));
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
        return value == null ? DEFAULT_LIMIT : WholeNumber.aboveZero(value, "--limit must be a whole number above 0");
    }

    private static String bool(String value) throws UsageException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> "true";
            case "false", "no" -> "false";
            default -> throw new UsageException("--redriven must be true or false, got '" + value + "'");
        };
    }
}
