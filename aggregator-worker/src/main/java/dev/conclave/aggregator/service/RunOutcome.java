package dev.conclave.aggregator.service;

import dev.conclave.model.ScanReport;
import dev.conclave.model.ScanStatus;
import java.time.Instant;
import java.util.List;

/** How a run ended: its final status, the report, and the roles that did not deliver. */
public record RunOutcome(ScanStatus status, ScanReport report, List<String> missingRoles, List<String> failedRoles,
        String failureReason, Instant completedAt) {
}
