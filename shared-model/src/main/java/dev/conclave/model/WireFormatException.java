package dev.conclave.model;

/** A message that cannot be decoded; consumers send it to the dead-letter topic and go on. */
public class WireFormatException extends RuntimeException {
    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
