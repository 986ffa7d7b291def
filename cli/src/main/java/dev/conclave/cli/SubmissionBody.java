package dev.conclave.cli;

import dev.conclave.model.ScanDigest;

/**
 * The body the CLI sends to {@code POST /api/v1/scans} (the gateway reads it into its own
 * {@code service.ScanSubmission}, after validation). The digest is encoded by {@link dev.conclave.model.WireJson},
 * exactly as the gateway decodes it. Roles and deadline are left to the gateway's configuration.
 */
public record SubmissionBody(String name, ScanDigest digest, boolean bypassCache) {
}
