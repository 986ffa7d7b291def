package dev.conclave.model;

import java.time.Instant;
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
        roles = List.copyOf(roles);
    }
}
