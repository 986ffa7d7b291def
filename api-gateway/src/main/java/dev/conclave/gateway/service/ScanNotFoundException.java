package dev.conclave.gateway.service;

import java.util.UUID;

/** The scan a request names does not exist (HTTP 404). */
public class ScanNotFoundException extends RuntimeException {

    public ScanNotFoundException(UUID scanId) {
        super("no scan " + scanId + "; list scans with GET /api/v1/scans");
    }
}
