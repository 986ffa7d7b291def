package dev.conclave.gateway.rest;

import java.util.UUID;

/** The answer to an accepted submission: where to follow it. */
public record ScanAccepted(UUID scanId, int run, String status, String statusUrl) {
}
