package dev.conclave.cli;

import dev.conclave.model.ScanDigest;

/**
 * The body of {@code POST /api/v1/scans}. The digest is encoded by {@link dev.conclave.model.WireJson},
 * exactly as the gateway decodes it. Roles and deadline are left to the gateway's configuration.
 */
public record ScanSubmission(String name, ScanDigest digest, boolean bypassCache) {
}
