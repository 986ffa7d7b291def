package dev.conclave.cli;

import dev.conclave.model.ScanStatus;

/**
 * What the process tells its caller. Scripts branch on these, so PARTIAL gets its own code: a
 * report exists, but some roles did not answer.
 */
public enum ExitCode {
    COMPLETED(0),
    FAILED(1),
    PARTIAL(2),
    /** sysexits.h EX_USAGE: the command line itself was wrong. */
    USAGE(64);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code for a scan that reached a final status. */
    public static ExitCode of(ScanStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case PARTIAL -> PARTIAL;
            case FAILED, CANCELLED, QUEUED, RUNNING -> FAILED;
        };
    }
}
