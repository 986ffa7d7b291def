package dev.conclave.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code conclave} command's entry point: reads the command line, runs the command, turns
 * the outcome into an exit code. Streams, environment and working directory are passed in so a
 * test can run the whole command in-process.
 */
public final class ConclaveCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final ScanOptionsParser parser;

    public ConclaveCommand(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory) {
        this.out = out;
        this.err = err;
        this.parser = new ScanOptionsParser(environment, workingDirectory);
    }

    public static void main(String[] args) {
        int exitCode = new ConclaveCommand(System.out, System.err, System.getenv(), Path.of("")).run(args);
        System.out.flush();
        System.exit(exitCode);
    }

    /** Runs one command and returns its exit code (see {@link ExitCode}). */
    public int run(String... args) {
        Invocation invocation;
        try {
            invocation = parser.parse(List.of(args));
        } catch (UsageException e) {
            err.println("conclave: " + e.getMessage());
            err.println();
            err.print(ScanOptionsParser.USAGE);
            return ExitCode.USAGE.code();
        }
        return switch (invocation) {
            case Invocation.Help help -> {
                out.print(ScanOptionsParser.USAGE);
                yield ExitCode.COMPLETED.code();
            }
            case Invocation.Scan scan -> scan(scan.options());
            case Invocation.Runs runs -> command(() -> new RunsCommand(out, err, parser).run(runs.args()), RunsCommand.USAGE);
            case Invocation.DeadLetters deadLetters -> new DeadLettersCommand(deadLetters.options(), out, err,
                    parser.apiKey()).run();
            case Invocation.Replay replay -> new ReplayCommand(replay.options(), out, err, parser.apiKey()).run().code();
            case Invocation.Cancel cancel -> cancel(cancel.options());
            case Invocation.Keys keys -> new KeysCommand(keys.options(), out, err, parser.apiKey()).run();
        };
    }

    /** Runs a command other than scan; a usage error prints that command's usage. */
    private int command(CommandBody body, String usage) {
        try {
            return body.run();
        } catch (UsageException e) {
            err.println("conclave: " + e.getMessage());
            err.println();
            err.print(usage);
            return ExitCode.USAGE.code();
        }
    }

    @FunctionalInterface
    private interface CommandBody {
        int run() throws UsageException;
    }

    private int cancel(CancelOptions options) {
        try {
            return new CancelCommand(options, out, parser.apiKey()).run().code();
        } catch (CommandFailure e) {
            err.println("conclave: " + e.getMessage());
            return ExitCode.FAILED.code();
        }
    }

    private int scan(ScanOptions options) {
        try {
            return new ScanCommand(options, out, err, parser.apiKey()).run().code();
        } catch (CommandFailure e) {
            err.println("conclave: " + e.getMessage());
            return ExitCode.FAILED.code();
        }
    }
}
