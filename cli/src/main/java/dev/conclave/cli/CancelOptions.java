package dev.conclave.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code conclave cancel <scan-id> [--run N] [--server URL]}.
 *
 * @param run the run to cancel; empty for the scan's current run
 */
record CancelOptions(URI server, UUID scanId, Optional<Integer> run) {

    /** Resolves {@code --server} (or its absence) as {@code scan} does. */
    @FunctionalInterface
    interface Servers {
        URI resolve(String flagValue) throws UsageException;
    }

    static CancelOptions parse(List<String> args, Servers servers)
            throws UsageException {
        String server = null;
        String run = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String flag = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String inline = arg.startsWith("--") && equals > 0 ? arg.substring(equals + 1) : null;
            switch (flag) {
                case "--run", "--server" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException(flag + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (flag.equals("--run")) {
                        run = value;
                    } else {
                        server = value;
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + flag + " of cancel (it takes --run N and --server URL)");
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "missing <scan-id>: say which scan's run to cancel"
                    : "unexpected argument '" + positional.get(1) + "': cancel takes one scan id");
        }
        UUID scanId;
        try {
            scanId = UUID.fromString(positional.getFirst());
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + positional.getFirst() + "' is not a scan id (a UUID, as 'conclave scan' prints it)");
        }
        return new CancelOptions(servers.resolve(server), scanId, run == null ? Optional.empty() : Optional.of(runNumber(run)));
    }

    private static int runNumber(String value) throws UsageException {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--run takes a run number (1, 2, ...), got '" + value + "'");
    }
}
