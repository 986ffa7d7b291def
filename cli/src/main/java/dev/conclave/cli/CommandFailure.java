package dev.conclave.cli;

/**
 * The command could not do its job for a reason outside the command line (gateway unreachable,
 * scan timed out, report not writable). The message is for the user: what went wrong and what to
 * do about it. Exits with {@link ExitCode#FAILED}.
 */
public final class CommandFailure extends Exception {
    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
