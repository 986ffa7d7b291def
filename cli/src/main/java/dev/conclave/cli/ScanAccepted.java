package dev.conclave.cli;

import dev.conclave.model.ScanStatus;

/** The gateway's 202 answer to a submission. */
public record ScanAccepted(String scanId, int run, ScanStatus status, String statusUrl) {
}
