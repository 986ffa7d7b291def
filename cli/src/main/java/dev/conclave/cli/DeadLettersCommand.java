package dev.conclave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code conclave dead-letters ...}: the gateway's {@code /api/v1/dead-letters} in the same words
 * (list, show, redrive, purge). Prints what the gateway answered; exits 1 when the gateway cannot be
 * reached or refuses, or when a bulk re-drive failed for some letters.
 */
record DeadLettersCommand(DeadLettersOptions options, PrintStream out, PrintStream err, ApiKey apiKey) {
    static final String PATH = "/api/v1/dead-letters";
    private static final int REASON_WIDTH = 90;

    /** Runs the action; a gateway that cannot be reached or refuses is said by {@link ConclaveCommand} (exit 1). */
    int run() throws GatewayException {
        try (GatewayClient gateway = new GatewayClient(options.server(), apiKey)) {
            return switch (options.action()) {
                case LIST -> list(gateway);
                case SHOW -> show(gateway);
                case REDRIVE -> options.all() ? redriveAll(gateway) : redrive(gateway);
                case PURGE -> options.all() ? purgeAll(gateway) : purge(gateway);
            };
        }
    }

    private int list(GatewayClient gateway) throws GatewayException {
        List<String> query = filters();
        query.add("limit=" + options.limit());
        if (options.cursor() != null) {
            query.add("cursor=" + GatewayClient.urlEncode(options.cursor()));
        }
        JsonNode page = gateway.call("GET", PATH + "?" + String.join("&", query), "list the dead letters");
        if (options.json()) {
            out.println(page.toPrettyString());
            return ExitCode.COMPLETED.code();
        }
        if (page.path("items").isEmpty()) {
            out.println("no dead letters" + (options.filters().isEmpty() ? "" : " match these filters"));
            return ExitCode.COMPLETED.code();
        }
        out.printf("%-8s %-24s %-14s %-20s %-9s %s%n", "ID", "DEAD-LETTERED", "TOPIC", "GROUP", "REDRIVEN", "REASON");
        for (JsonNode letter : page.path("items")) {
            out.printf("%-8s %-24s %-14s %-20s %-9s %s%n", letter.path("id").asText(),
                    letter.path("deadLetteredAt").asText(), text(letter, "sourceTopic"), text(letter, "group"),
                    letter.path("redriveCount").asInt() > 0 ? letter.path("redriveCount").asInt() + "x" : "no",
                    abbreviate(text(letter, "reason")));
        }
        JsonNode next = page.path("nextCursor");
        if (next.isTextual()) {
            out.println("more: conclave dead-letters list --cursor " + next.asText() + " (with the same filters)");
        }
        return ExitCode.COMPLETED.code();
    }

    private int show(GatewayClient gateway) throws GatewayException {
        JsonNode letter = gateway.call("GET", PATH + "/" + options.id(), "show dead letter " + options.id());
        if (options.json()) {
            out.println(letter.toPrettyString());
            return ExitCode.COMPLETED.code();
        }
        for (String field : List.of("id", "position", "sourceTopic", "sourcePartition", "sourceOffset", "group",
                "reason", "exception", "deadLetteredAt", "redriveCount", "redrivenAt", "key", "keyBase64")) {
            if (letter.hasNonNull(field)) {
                out.printf("%-16s %s%n", field + ":", letter.get(field).asText());
            }
        }
        for (JsonNode header : letter.path("headers")) {
            out.printf("%-16s %s = %s%n", "header:", header.path("key").asText(), header.hasNonNull("value")
                    ? header.get("value").asText() : "(base64) " + header.path("valueBase64").asText());
        }
        if (letter.hasNonNull("value")) {
            out.println("value:");
            out.println(letter.get("value").asText());
        } else if (letter.hasNonNull("valueBase64")) {
            out.println("value (not UTF-8, base64):");
            out.println(letter.get("valueBase64").asText());
        } else {
            out.println("value: (none)");
        }
        return ExitCode.COMPLETED.code();
    }

    private int redrive(GatewayClient gateway) throws GatewayException {
        JsonNode outcome = gateway.call("POST", PATH + "/" + options.id() + "/redrive?force=" + options.force(),
                "re-drive dead letter " + options.id());
        if (outcome.path("outcome").asText().equals("ALREADY_REDRIVEN")) {
            out.printf("dead letter %d was re-driven before (%s, %d times); nothing sent. --force sends it again%n",
                    options.id(), outcome.path("redrivenAt").asText(), outcome.path("redriveCount").asInt());
        } else {
            out.printf("dead letter %d re-driven to %s with redriven-from %s (%d times now)%n", options.id(),
                    outcome.path("topic").asText(), outcome.path("redrivenFrom").asText(),
                    outcome.path("redriveCount").asInt());
        }
        return ExitCode.COMPLETED.code();
    }

    private int redriveAll(GatewayClient gateway) throws GatewayException {
        List<String> query = filters();
        query.add("force=" + options.force());
        JsonNode counts = gateway.call("POST", PATH + "/redrive?" + String.join("&", query), "re-drive dead letters");
        out.printf("matched %d: re-driven %d, already re-driven %d%s, failed %d%n", counts.path("matched").asLong(),
                counts.path("redriven").asLong(), counts.path("alreadyRedriven").asLong(),
                counts.path("alreadyRedriven").asLong() > 0 && !options.force() ? " (skipped; --force sends them again)" : "",
                counts.path("failed").asLong());
        if (counts.path("failed").asLong() > 0) {
            err.println("conclave: some dead letters were not re-driven: " + counts.path("error").asText());
            return ExitCode.FAILED.code();
        }
        return ExitCode.COMPLETED.code();
    }

    private int purge(GatewayClient gateway) throws GatewayException {
        gateway.call("DELETE", PATH + "/" + options.id(), "purge dead letter " + options.id());
        out.printf("dead letter %d removed from the index%n", options.id());
        return ExitCode.COMPLETED.code();
    }

    private int purgeAll(GatewayClient gateway) throws GatewayException {
        String query = String.join("&", filters());
        JsonNode purged = gateway.call("POST", PATH + "/purge" + (query.isEmpty() ? "" : "?" + query),
                "purge dead letters");
        out.printf("%d dead letters removed from the index%n", purged.path("purged").asLong());
        return ExitCode.COMPLETED.code();
    }

    private List<String> filters() {
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, String> filter : options.filters().entrySet()) {
            query.add(filter.getKey() + "=" + GatewayClient.urlEncode(filter.getValue()));
        }
        query.sort(null); // a stable order: the map is unordered
        return query;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "-";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= REASON_WIDTH ? oneLine : oneLine.substring(0, REASON_WIDTH - 3) + "...";
    }
}
