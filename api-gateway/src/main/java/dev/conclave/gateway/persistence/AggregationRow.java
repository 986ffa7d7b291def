package dev.conclave.gateway.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What the gateway shows of a run's {@code aggregation} row. The table is the aggregator's (its module migrates
 * and maps it); the gateway only reads these columns, with plain SQL ({@code service/ScanQueries}).
 *
 * @param status OPEN, SYNTHESIZING, COMPLETED, PARTIAL or FAILED
 * @param missingRoles roles that had not answered when the run closed; null while it is open
 * @param report the run's report; null until it closed with one
 */
public record AggregationRow(String status, List<String> missingRoles, JsonNode report, String failureReason,
        Instant completedAt) {
}
