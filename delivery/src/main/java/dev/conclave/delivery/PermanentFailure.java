package dev.conclave.delivery;

/**
 * A message that can never be processed as it is: invalid, undecodable, or about something that
 * does not exist. The message says what is wrong in words an operator can act on; it becomes the
 * dead letter's reason.
 */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String reason) {
        super(reason);
    }

    public PermanentFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
