package dev.conclave.gateway.replay;

import java.util.Set;

/**
 * Where a replay job is: SELECTING its items, RUNNING them, PAUSED by someone, or ended: COMPLETED
 * (every item started and closed), CANCELLED, FAILED (its selection could not be made).
 */
public enum JobStatus {
    SELECTING, RUNNING, PAUSED, COMPLETED, CANCELLED, FAILED;

    /** A runner drives these. */
    public static final Set<JobStatus> ACTIVE = Set.of(SELECTING, RUNNING);

    public boolean ended() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
