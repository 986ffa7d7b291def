package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code conclave keys create|list|revoke}: the gateway's {@code /api/v1/keys} (admin keys only). A new key is
 * printed once, alone on stdout so a script can capture it; what it is and the warning that it is not shown
 * again go to stderr.
 */
record KeysCommand(KeysOptions options, PrintStream out, PrintStream err, ApiKey apiKey) {
    static final String PATH = "/api/v1/keys";
    private static final List<String> COLUMNS = List.of("ID", "PREFIX", "NAME", "ROLE", "TENANT", "CREATED", "EXPIRES",
            "LAST USED", "STATE");

    /** Runs the action; a gateway that cannot be reached or refuses is said by {@link ConclaveCommand} (exit 1). */
    int run() throws GatewayException {
        try (GatewayClient gateway = new GatewayClient(options.server(), apiKey)) {
            return switch (options.action()) {
                case CREATE -> create(gateway);
                case LIST -> list(gateway);
                case REVOKE -> revoke(gateway);
            };
        }
    }

    private int create(GatewayClient gateway) throws GatewayException {
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.put("name", options.name());
        body.put("role", options.role());
        if (options.tenant() != null) {
            body.put("tenant", options.tenant());
        }
        if (options.ttlDays() != null) {
            body.put("ttlDays", options.ttlDays());
        }
        // No idempotency key: a repeat after a lost answer would have to return the secret a second time.
        JsonNode created = gateway.call("POST", PATH, WireJson.encode(body), null, "create a key");
        JsonNode key = created.path("key");
        if (!key.isTextual() || key.asText().isBlank()) {
            err.println("conclave: the gateway created a key but its answer holds no key: " + created.path("id").asText("?")
                    + "; revoke it (conclave keys revoke ...) and create another");
            return ExitCode.FAILED.code();
        }
        if (options.json()) {
            out.println(created.toPrettyString());
        } else {
            out.println(key.asText());
        }
        err.printf("created key %s (%s): %s, role %s, tenant %s, %s%n", text(created, "id"), text(created, "prefix"),
                text(created, "name"), text(created, "role"), text(created, "tenant"),
                created.hasNonNull("expiresAt") ? "expires " + created.get("expiresAt").asText() : "does not expire");
        err.println("WARNING: this is the only time the key is shown; the gateway keeps only its hash. Store it now"
                + " (a lost key cannot be read again: revoke it and create another).");
        return ExitCode.COMPLETED.code();
    }

    private int list(GatewayClient gateway) throws GatewayException {
        JsonNode keys = gateway.call("GET", PATH, "list the keys");
        if (options.json()) {
            out.println(keys.toPrettyString());
            return ExitCode.COMPLETED.code();
        }
        if (keys.isEmpty()) {
            out.println("no keys");
            return ExitCode.COMPLETED.code();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (JsonNode key : keys) {
            rows.add(List.of(text(key, "id"), text(key, "prefix"), text(key, "name"), text(key, "role"),
                    text(key, "tenant"), text(key, "createdAt"), text(key, "expiresAt"), text(key, "lastUsedAt"),
                    key.hasNonNull("revokedAt") ? "revoked " + key.get("revokedAt").asText() : "active"));
        }
        int[] widths = new int[COLUMNS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : ("%-" + widths[i] + "s  ").formatted(row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        return ExitCode.COMPLETED.code();
    }

    private int revoke(GatewayClient gateway) throws GatewayException {
        gateway.call("DELETE", PATH + "/" + GatewayClient.urlEncode(options.id()),
                "revoke key " + options.id());
        out.println("key " + options.id() + " is revoked: the gateway refuses it from now on");
        return ExitCode.COMPLETED.code();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "-";
    }
}
