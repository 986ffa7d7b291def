package dev.conclave.gateway.limits;

/**
 * A request refused because a limit of {@link LimitsConfig} was reached: answered 429 with
 * {@code Retry-After} seconds; nothing was read, stored or published.
 */
public class LimitExceededException extends RuntimeException {
    private final long retryAfterSeconds;

    public LimitExceededException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
