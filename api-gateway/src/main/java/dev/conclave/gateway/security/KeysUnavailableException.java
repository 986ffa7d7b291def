package dev.conclave.gateway.security;

/** The key could not be checked: the database did not answer and the key was not in memory (HTTP 503). */
public class KeysUnavailableException extends RuntimeException {

    public KeysUnavailableException(Throwable cause) {
        super("API keys cannot be checked now: the database did not answer (" + cause.getClass().getSimpleName()
                + "); nothing was done, retry in a few seconds", cause);
    }
}
