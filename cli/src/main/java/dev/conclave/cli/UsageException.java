package dev.conclave.cli;

/**
 * The command line cannot be understood. The message names the offending argument; the command
 * prints it with the usage text and exits with {@link ExitCode#USAGE}.
 */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
