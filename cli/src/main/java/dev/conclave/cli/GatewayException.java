package dev.conclave.cli;

/**
 * A call to the gateway did not give the expected answer. {@link #kind()} says whether trying
 * again later can help, which is what the poll loop needs to know.
 */
public final class GatewayException extends Exception {

    public enum Kind {
        /** No connection: the gateway is down, restarting, or somewhere else. */
        UNREACHABLE,
        /**
         * Connected, but no complete answer arrived: the request may or may not have been
         * processed, which is why a submission is repeated only with the same idempotency key.
         */
        NO_ANSWER,
        /** 5xx: the gateway is up but something behind it failed; may pass. */
        SERVER_ERROR,
        /** 4xx: the request itself was refused; repeating it will not help. */
        REJECTED,
        /** 2xx whose body is not what the contract promises. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final int httpStatus;

    public GatewayException(Kind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** True when the same request might succeed a little later. */
    public boolean isTransient() {
        return kind == Kind.UNREACHABLE || kind == Kind.NO_ANSWER || kind == Kind.SERVER_ERROR;
    }
}
