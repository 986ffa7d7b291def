package dev.conclave.gateway.security;

/** A key that may not be used: unknown, revoked or expired (HTTP 401, with the message). */
public class KeyRefusedException extends RuntimeException {
    /** One text for unknown and revoked keys, so an answer never tells which keys exist. */
    static final String INVALID = "the API key is not valid (unknown or revoked); send a current key as "
            + "Authorization: Bearer <key>, or ask an admin for one (POST /api/v1/keys)";

    public KeyRefusedException(String message) {
        super(message);
    }
}
