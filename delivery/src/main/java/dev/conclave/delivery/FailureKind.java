package dev.conclave.delivery;

/** What a failure means for the message being processed. */
public enum FailureKind {
    /** The message can never be processed as it is: dead-letter it and go on. */
    PERMANENT,
    /** A dependency (PostgreSQL, Kafka, Redis, the network) is unavailable: wait, retry, never skip. */
    TRANSIENT,
    /** Neither is known (a bug, most likely): retry a few times, then treat as permanent. */
    UNEXPECTED;

    /** Whether a step that failed this way is tried again: permanent never, transient until back, unexpected a few times. */
    public RetryPolicy.Verdict retry() {
        return switch (this) {
            case PERMANENT -> RetryPolicy.Verdict.STOP;
            case TRANSIENT -> RetryPolicy.Verdict.UNTIL_BACK;
            case UNEXPECTED -> RetryPolicy.Verdict.AGAIN;
        };
    }
}
