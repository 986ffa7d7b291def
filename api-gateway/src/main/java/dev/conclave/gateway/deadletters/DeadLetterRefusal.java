package dev.conclave.gateway.deadletters;

/**
 * A dead-letter request that cannot be done, with the HTTP status it answers and a message saying
 * what was wrong and what to do; {@code field} names the request parameter at fault, if one is.
 */
public final class DeadLetterRefusal extends RuntimeException {
    /** What a client waits before trying again after a 503, in seconds. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final int status;
    private final String field;

    private DeadLetterRefusal(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static DeadLetterRefusal badRequest(String field, String message) {
        return new DeadLetterRefusal(400, field, message);
    }

    static DeadLetterRefusal notFound(long id) {
        return new DeadLetterRefusal(404, "id", "no dead letter " + id + " in the index (purged, or never indexed);"
                + " list them with GET /api/v1/dead-letters");
    }

    static DeadLetterRefusal notRedrivable(long id, String why) {
        return new DeadLetterRefusal(409, "id", "dead letter " + id + " cannot be re-driven: " + why);
    }

    /** The broker did not acknowledge a re-drive: nothing was marked; the record may have arrived anyway. */
    static DeadLetterRefusal brokerUnavailable(String topic, String why) {
        return new DeadLetterRefusal(503, null, "the broker did not acknowledge the re-drive to " + topic + " (" + why
                + "); nothing was marked re-driven: retry once Kafka is reachable (the record may have arrived"
                + " anyway; its consumers are idempotent)");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
