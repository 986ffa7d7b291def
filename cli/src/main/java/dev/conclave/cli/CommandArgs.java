package dev.conclave.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of a command other than {@code scan}: positionals, options that take a value
 * ({@code --name value} or {@code --name=value}, repeatable) and switches. An option the command does not
 * have is a usage error naming the ones it has.
 */
final class CommandArgs {
    private final List<String> positionals;
    private final Map<String, List<String>> values;
    private final Set<String> switchesSet;

    private CommandArgs(List<String> positionals, Map<String, List<String>> values, Set<String> switchesSet) {
        this.positionals = positionals;
        this.values = values;
        this.switchesSet = switchesSet;
    }

    static CommandArgs parse(String command, List<String> args, Set<String> valueOptions, Set<String> switches)
            throws UsageException {
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            if (switches.contains(flag) && equals < 0) {
                given.add(flag);
            } else if (valueOptions.contains(flag)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(flag + " needs a value");
                }
                values.computeIfAbsent(flag, f -> new ArrayList<>()).add(value);
            } else {
                List<String> known = new ArrayList<>(valueOptions);
                known.addAll(switches);
                known.sort(null);
                throw new UsageException("unknown option " + flag + " for '" + command + "'; its options: " + known);
            }
        }
        return new CommandArgs(positionals, values, given);
    }

    List<String> positionals() {
        return positionals;
    }

    /** The option's last value, or null when not given. */
    String value(String option) {
        List<String> given = values.get(option);
        return given == null ? null : given.get(given.size() - 1);
    }

    /** Every value given for a repeatable option, in order. */
    List<String> values(String option) {
        return values.getOrDefault(option, List.of());
    }

    boolean has(String flag) {
        return switchesSet.contains(flag);
    }
}
