package dev.conclave.gateway.service;

/**
 * A submission the gateway refuses, with the HTTP status, the offending field and a message that
 * says what was wrong and what to do. Nothing was stored or published.
 */
public class InvalidScanException extends RuntimeException {
    private final int status;
    private final String field;

    public InvalidScanException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static InvalidScanException badRequest(String field, String message) {
        return new InvalidScanException(400, field, message);
    }

    public static InvalidScanException tooLarge(String field, String message) {
        return new InvalidScanException(413, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
