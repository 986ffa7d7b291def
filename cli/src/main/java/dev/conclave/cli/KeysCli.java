package dev.conclave.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conclave keys create|list|revoke ...}: the words picocli read, checked into {@link KeysOptions}
 * (create's options only with create, a well-formed id with revoke) and run by {@link KeysCommand}.
 */
@Command(name = "keys", description = "Manage API keys (admin).",
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  conclave keys create --name NAME --role ROLE [--tenant T] [--ttl-days D]",
            "                      create a key and print it, once: the gateway keeps only its hash.",
            "                      ROLE is submitter (submit scans, read its own), viewer (read the",
            "                      tenant's scans and analytics) or admin (keys, flags, budgets, replay,",
            "                      dead letters). Default tenant: the creating key's; default: no expiry",
            "  conclave keys list  every key: id, prefix, name, role, tenant, expiry, last use, revocation",
            "  conclave keys revoke <id>",
            "                      refuse the key from now on (revoking twice is harmless)"},
        footer = {"",
            "The CLI authenticates with $CONCLAVE_API_KEY, else the file $CONCLAVE_API_KEY_FILE names",
            "(./conclave sets it to the local admin key; ./conclave key prints that key)."})
final class KeysCli extends GatewayCli {

    private static final Map<String, KeysOptions.Action> ACTIONS = Map.of("create", KeysOptions.Action.CREATE,
            "list", KeysOptions.Action.LIST, "revoke", KeysOptions.Action.REVOKE);

    @Parameters(index = "0", arity = "0..1", paramLabel = "<action>", completionCandidates = Actions.class,
            description = "create, list or revoke")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<id>", description = "revoke: the key's id")
    String id;

    @Option(names = "--json", description = "print the gateway's JSON as it is")
    boolean json;

    @Option(names = "--name", paramLabel = "NAME", description = "create: who or what uses the key")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", description = "create: submitter, viewer or admin")
    String role;

    @Option(names = "--tenant", paramLabel = "T", description = "create: the key's tenant (default: the creating key's)")
    String tenant;

    @Option(names = "--ttl-days", paramLabel = "D", description = "create: days until it expires (default: never)")
    String ttlDays;

    /** The actions, offered by the generated completion. */
    static final class Actions extends ArrayList<String> {
        Actions() {
            super(List.of("create", "list", "revoke"));
        }
    }

    KeysCli(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageException, GatewayException {
        return context.helpWord(action, spec) ? ExitCode.COMPLETED.code()
                : new KeysCommand(options(), context.out(), context.err(), context.apiKey()).run();
    }

    KeysOptions options() throws UsageException {
        if (action == null) {
            throw new UsageException("keys needs an action: create, list or revoke (conclave keys --help)");
        }
        KeysOptions.Action chosen = ACTIONS.get(action);
        if (chosen == null) {
            throw new UsageException("unknown keys action '" + action + "': one of create, list, revoke");
        }
        URI server = server();
        if (chosen != KeysOptions.Action.CREATE) {
            for (String[] option : new String[][] {{"--name", name}, {"--role", role}, {"--tenant", tenant},
                {"--ttl-days", ttlDays}}) {
                if (option[1] != null) {
                    throw new UsageException(option[0] + " is for 'keys create'");
                }
            }
        }
        return switch (chosen) {
            case CREATE -> {
                if (id != null) {
                    throw new UsageException("unexpected argument '" + id + "': keys create takes --name and --role");
                }
                yield new KeysOptions(chosen, server, required("--name", name), role(required("--role", role)),
                        optional("--tenant", tenant), ttlDays(ttlDays), null, json);
            }
            case LIST -> {
                if (id != null) {
                    throw new UsageException("unexpected argument '" + id + "': keys list takes none");
                }
                yield new KeysOptions(chosen, server, null, null, null, null, null, json);
            }
            case REVOKE -> {
                if (id == null) {
                    throw new UsageException("keys revoke needs the key's id (see 'conclave keys list')");
                }
                if (!id.matches("[A-Za-z0-9_-]+")) {
                    throw new UsageException("'" + id + "' is not a key id (see 'conclave keys list')");
                }
                yield new KeysOptions(chosen, server, null, null, null, null, id, json);
            }
        };
    }

    private static String required(String option, String given) throws UsageException {
        String value = optional(option, given);
        if (value == null) {
            throw new UsageException("keys create needs " + option
                    + (option.equals("--role") ? " (submitter, viewer or admin)" : " (who or what will use the key)"));
        }
        return value;
    }

    private static String optional(String option, String value) throws UsageException {
        if (value != null && value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value == null ? null : value.strip();
    }

    private static String role(String value) throws UsageException {
        String role = value.toLowerCase(Locale.ROOT);
        if (!KeysOptions.ROLES.contains(role)) {
            throw new UsageException("--role must be submitter, viewer or admin, got '" + value + "'");
        }
        return role;
    }

    private static Integer ttlDays(String value) throws UsageException {
        return value == null ? null : WholeNumber.aboveZero(value, "--ttl-days must be a whole number of days above 0");
    }
}
