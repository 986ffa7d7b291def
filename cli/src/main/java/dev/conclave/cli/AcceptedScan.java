package dev.conclave.cli;

import dev.conclave.model.ScanStatus;

/**
 * The gateway's 202 answer to a submission, as the CLI reads it (the gateway writes it as its own
 * {@code rest.ScanAccepted}; the JSON fields are the same).
 */
public record AcceptedScan(String scanId, int run, ScanStatus status, String statusUrl) {
}
