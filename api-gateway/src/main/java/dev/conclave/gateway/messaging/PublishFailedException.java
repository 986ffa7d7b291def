package dev.conclave.gateway.messaging;

/** The broker did not acknowledge a message; the caller must not report it as accepted. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
