package dev.conclave.model;

/** Why a scan run exists. */
public enum RunOrigin {
    /** The scan's submission: run 1. */
    SUBMITTED,
    /** Someone asked for one scan to run again ({@code POST /api/v1/scans/{id}/runs}). */
    RERUN,
    /** A bulk replay job selected the scan. */
    REPLAY,
    /** A topic replay re-read the run's records. */
    TOPIC_REPLAY
}
