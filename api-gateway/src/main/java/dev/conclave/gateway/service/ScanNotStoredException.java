package dev.conclave.gateway.service;

/** The database did not take a scan: nothing of it was stored, and the client should retry. */
public class ScanNotStoredException extends RuntimeException {
    public ScanNotStoredException(Throwable cause) {
        super("the database did not store the scan (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                + "); nothing was stored and nothing will be processed: retry later, with the same Idempotency-Key"
                + " if you sent one", cause);
    }
}
