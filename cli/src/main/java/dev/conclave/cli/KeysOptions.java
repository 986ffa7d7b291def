package dev.conclave.cli;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code conclave keys create|list|revoke ...} once understood.
 *
 * @param name     create: the key's name (who or what uses it); null otherwise
 * @param role     create: submitter, viewer or admin; null otherwise
 * @param tenant   create: the tenant the key belongs to; null for the creating key's own
 * @param ttlDays  create: days until the key expires; null for a key that does not expire
 * @param id       revoke: the key's id; null otherwise
 * @param json     print the gateway's JSON answer as it is
 */
record KeysOptions(Action action, URI server, String name, String role, String tenant, Integer ttlDays, String id,
        boolean json) {

    enum Action { CREATE, LIST, REVOKE, HELP }

    static final Set<String> ROLES = Set.of("submitter", "viewer", "admin");

    static final String USAGE = """
            Usage:
              conclave keys create --name NAME --role ROLE [--tenant T] [--ttl-days D]
                                  create a key and print it, once: the gateway keeps only its hash.
                                  ROLE is submitter (submit scans, read its own), viewer (read the
                                  tenant's scans and analytics) or admin (keys, flags, budgets, replay,
                                  dead letters). Default tenant: the creating key's; default: no expiry
              conclave keys list  every key: id, prefix, name, role, tenant, expiry, last use, revocation
              conclave keys revoke <id>
                                  refuse the key from now on (revoking twice is harmless)
            Options of every keys command: --server URL (default: $CONCLAVE_SERVER, else %s), --json.
            The CLI authenticates with $CONCLAVE_API_KEY, else the file $CONCLAVE_API_KEY_FILE names
            (./conclave sets it to the local admin key; ./conclave key prints that key).
            """.formatted(ScanOptions.DEFAULT_SERVER);

    private static final Set<String> VALUE_OPTIONS = Set.of("--server", "--name", "--role", "--tenant", "--ttl-days");
    private static final Set<String> SWITCHES = Set.of("--json", "--help");

    static KeysOptions parse(List<String> args, ScanOptionsParser common) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("keys needs an action: create, list or revoke (conclave keys --help)");
        }
        Action action = switch (args.getFirst()) {
            case "create" -> Action.CREATE;
            case "list" -> Action.LIST;
            case "revoke" -> Action.REVOKE;
            case "--help", "-h", "help" -> Action.HELP;
            default -> throw new UsageException("unknown keys action '" + args.getFirst() + "': one of create, list, revoke");
        };
        if (action == Action.HELP) {
            return new KeysOptions(action, null, null, null, null, null, null, false);
        }
        CommandArgs parsed = CommandArgs.parse("keys " + args.getFirst(), args.subList(1, args.size()), VALUE_OPTIONS,
                SWITCHES);
        if (parsed.has("--help")) {
            return new KeysOptions(Action.HELP, null, null, null, null, null, null, false);
        }
        URI server = common.serverUrl(parsed.value("--server"));
        boolean json = parsed.has("--json");
        List<String> positionals = parsed.positionals();
        if (action != Action.CREATE) {
            for (String option : List.of("--name", "--role", "--tenant", "--ttl-days")) {
                if (parsed.value(option) != null) {
                    throw new UsageException(option + " is for 'keys create'");
                }
            }
        }
        return switch (action) {
            case CREATE -> {
                if (!positionals.isEmpty()) {
                    throw new UsageException("unexpected argument '" + positionals.getFirst()
                            + "': keys create takes --name and --role");
                }
                yield new KeysOptions(action, server, required(parsed, "--name"), role(required(parsed, "--role")),
                        optional(parsed, "--tenant"), ttlDays(parsed.value("--ttl-days")), null, json);
            }
            case LIST -> {
                if (!positionals.isEmpty()) {
                    throw new UsageException("unexpected argument '" + positionals.getFirst() + "': keys list takes none");
                }
                yield new KeysOptions(action, server, null, null, null, null, null, json);
            }
            case REVOKE -> {
                if (positionals.size() != 1) {
                    throw new UsageException(positionals.isEmpty() ? "keys revoke needs the key's id (see 'conclave keys list')"
                            : "unexpected argument '" + positionals.get(1) + "': keys revoke takes one id");
                }
                if (!positionals.getFirst().matches("[A-Za-z0-9_-]+")) {
                    throw new UsageException("'" + positionals.getFirst() + "' is not a key id (see 'conclave keys list')");
                }
                yield new KeysOptions(action, server, null, null, null, null, positionals.getFirst(), json);
            }
            case HELP -> throw new IllegalStateException("answered above");
        };
    }

    private static String required(CommandArgs parsed, String option) throws UsageException {
        String value = optional(parsed, option);
        if (value == null) {
            throw new UsageException("keys create needs " + option
                    + (option.equals("--role") ? " (submitter, viewer or admin)" : " (who or what will use the key)"));
        }
        return value;
    }

    private static String optional(CommandArgs parsed, String option) throws UsageException {
        String value = parsed.value(option);
        if (value != null && value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value == null ? null : value.strip();
    }

    private static String role(String value) throws UsageException {
        String role = value.toLowerCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
            throw new UsageException("--role must be submitter, viewer or admin, got '" + value + "'");
        }
        return role;
    }

    private static Integer ttlDays(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--ttl-days must be a whole number of days above 0, got '" + value + "'");
    }
}
