package dev.conclave.gateway.service;

/**
 * The database did not take a scan: nothing of it was stored, and the client should retry. The cause's
 * message (a host, a statement) is for the log, not for the client: the message leaves it out.
 */
public class ScanNotStoredException extends RuntimeException {
    public ScanNotStoredException(Throwable cause) {
        super("the database did not store the scan; nothing was stored and nothing will be processed: retry later,"
                + " with the same Idempotency-Key if you sent one", cause);
    }
}
