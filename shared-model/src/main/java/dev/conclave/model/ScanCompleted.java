package dev.conclave.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published on {@link Topics#SCAN_COMPLETED} once per finished run. */
public record ScanCompleted(
        int schemaVersion,
        UUID scanId,
        int run,
        ScanStatus status,
        List<String> missingRoles,
        List<String> failedRoles,
        Instant completedAt) {

    public ScanCompleted {
        missingRoles = List.copyOf(missingRoles);
        failedRoles = List.copyOf(failedRoles);
    }
}
