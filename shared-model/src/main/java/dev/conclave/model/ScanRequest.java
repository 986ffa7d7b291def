package dev.conclave.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A request to analyse one project, published by the gateway on {@link Topics#SCAN_REQUESTS}.
 *
 * @param run         1 for the first submission; a replay publishes the next run
 * @param roles       the specialist roles asked for; the aggregator waits for exactly these
 * @param deadline    after this instant the aggregator closes the run with what arrived
 * @param bypassCache true to make every model call fresh even when a cached answer exists
 */
public record ScanRequest(
        int schemaVersion,
        UUID scanId,
        int run,
        String projectName,
        List<String> roles,
        ScanDigest digest,
        Instant requestedAt,
        Instant deadline,
        boolean bypassCache) {

    public ScanRequest {
        // Tolerant of null here so that a malformed message decodes and validate() can name what is wrong.
        roles = roles == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(roles));
    }

    /** Decodes and validates a message: the one way a consumer reads a request. */
    public static ScanRequest decode(String json) {
        return WireJson.decode(json, ScanRequest.class).validate();
    }

    /** Everything that makes this request impossible to process, in words; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = SchemaVersions.envelopeProblems(schemaVersion, scanId, run);
        if (roles.isEmpty()) {
            problems.add("roles is empty; a request names at least one role");
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null || roles.get(i).isBlank()) {
                problems.add("roles[" + i + "] is blank");
            }
        }
        if (digest == null) {
            problems.add("digest is missing");
        }
        if (requestedAt == null) {
            problems.add("requestedAt is missing");
        }
        if (deadline == null) {
            problems.add("deadline is missing");
        }
        return problems;
    }

    /** This request, or a {@link WireFormatException} naming every problem ({@link #problems()}). */
    public ScanRequest validate() {
        SchemaVersions.refuseIfAny("ScanRequest", problems());
        return this;
    }
}
