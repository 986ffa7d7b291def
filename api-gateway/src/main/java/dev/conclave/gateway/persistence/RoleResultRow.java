package dev.conclave.gateway.persistence;

import java.time.Instant;

/**
 * What the gateway shows of one {@code role_result} row. The table is the aggregator's (its module migrates and
 * maps it); the gateway only reads these columns, with plain SQL ({@code service/ScanQueries}).
 *
 * @param outcome SUCCEEDED or FAILED
 */
public record RoleResultRow(String role, String outcome, String failureReason, String provider, String model,
        boolean offline, Instant startedAt, Instant completedAt) {
}
