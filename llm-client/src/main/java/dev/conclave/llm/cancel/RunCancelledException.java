package dev.conclave.llm.cancel;

import java.util.UUID;

/**
 * The run a model call belongs to was cancelled: no further attempt, retry, repair or fallback is
 * made for it. Not a failure of the model, so it is neither retried nor turned into a FAILED result.
 */
public final class RunCancelledException extends RuntimeException {
    private final UUID scanId;
    private final int run;

    public RunCancelledException(UUID scanId, int run, String what) {
        super("run " + run + " of scan " + scanId + " was cancelled; " + what);
        this.scanId = scanId;
        this.run = run;
    }

    public UUID scanId() {
        return scanId;
    }

    public int run() {
        return run;
    }
}
