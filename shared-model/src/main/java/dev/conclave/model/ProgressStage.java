package dev.conclave.model;

/** The steps a role goes through, in the order they usually come; see {@link ProgressEvent}. */
public enum ProgressStage {
    /** A worker took the role's request from the queue. */
    STARTED,
    /** Waiting for the fleet-wide rate limit before a call. */
    WAITING_FOR_RATE_LIMIT,
    /** A request to a model is on its way. */
    CALLING_MODEL,
    /** The call failed transiently; the same model is tried again after a backoff. */
    RETRYING,
    /** The answer broke the role's schema; the model is asked once to repair it. */
    REPAIRING,
    /** The model cannot answer; the next model of the chain is tried. */
    FALLING_BACK,
    /** The answer came from the cache: no model call. */
    CACHE_HIT,
    /** The role's result is published. */
    DONE,
    /** The role failed; the detail says why. */
    FAILED,
    /** The worker did not analyse: the run was closed, cancelled or superseded by a newer run; the detail says which. */
    SKIPPED,
    /** Every role is in (or the deadline passed): the aggregator synthesises. */
    SYNTHESIZING,
    /** The run is closed; the detail is its status (COMPLETED, PARTIAL, FAILED, CANCELLED). */
    CLOSED
}
