package dev.conclave.model;

/**
 * The headers a dead letter on {@link Topics#DEAD_LETTERS} carries besides the original record's
 * own key, value and headers: where it came from, who gave up on it, when and why. A re-drive
 * reads {@link #TOPIC} to know where to send the record back.
 */
public final class DeadLetters {
    /** Why the record cannot be processed, in words an operator can act on. */
    public static final String REASON = "dead-letter-reason";
    /** The topic the record was consumed from. */
    public static final String TOPIC = "dead-letter-topic";
    /** The partition it was consumed from (decimal). */
    public static final String PARTITION = "dead-letter-partition";
    /** Its offset there (decimal). */
    public static final String OFFSET = "dead-letter-offset";
    /** The consumer group that gave up on it. */
    public static final String GROUP = "dead-letter-group";
    /** When it was dead-lettered (ISO-8601 instant). */
    public static final String TIME = "dead-letter-time";
    /** The class of the failure that classified it as permanent. */
    public static final String EXCEPTION = "dead-letter-exception";
    /**
     * On a record sent back to its source topic by a re-drive (not a dead-letter header): which dead
     * letter it was, {@code scan.dead-letters/<partition>/<offset>}.
     */
    public static final String REDRIVEN_FROM = "redriven-from";
    /** Every header a dead letter adds starts with this; the rest are the original record's own. */
    public static final String PREFIX = "dead-letter-";

    private DeadLetters() {
    }
}
