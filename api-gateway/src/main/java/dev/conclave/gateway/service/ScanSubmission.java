package dev.conclave.gateway.service;

import dev.conclave.model.ScanDigest;
import java.time.Duration;
import java.util.List;

/** A validated submission: a name, the digest to analyse, the roles, and options. */
public record ScanSubmission(String name, ScanDigest digest, List<String> roles, boolean bypassCache,
        Duration deadline) {

    /** The same submission carrying another digest (its redacted form). */
    public ScanSubmission withDigest(ScanDigest other) {
        return new ScanSubmission(name, other, roles, bypassCache, deadline);
    }
}
