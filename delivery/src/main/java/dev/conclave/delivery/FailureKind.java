package dev.conclave.delivery;

/** What a failure means for the message being processed. */
public enum FailureKind {
    /** The message can never be processed as it is: dead-letter it and go on. */
    PERMANENT,
    /** A dependency (PostgreSQL, Kafka, Redis, the network) is unavailable: wait, retry, never skip. */
    TRANSIENT,
    /** Neither is known (a bug, most likely): retry a few times, then treat as permanent. */
    UNEXPECTED
}
