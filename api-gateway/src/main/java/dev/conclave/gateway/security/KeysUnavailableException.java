package dev.conclave.gateway.security;

/**
 * The database did not answer about keys (HTTP 503 with Retry-After): a key that was not in memory
 * could not be checked, or a key could not be created, listed or revoked. Nothing was done.
 */
public class KeysUnavailableException extends RuntimeException {

    public KeysUnavailableException(Throwable cause) {
        this("API keys cannot be checked now", cause);
    }

    /** {@code what} could not be done, e.g. "the key was not created". */
    public KeysUnavailableException(String what, Throwable cause) {
        super(what + ": the database did not answer (" + cause.getClass().getSimpleName()
                + "); nothing was done, retry in a few seconds", cause);
    }
}
