package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the whole command in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(Path workingDirectory, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new ConclaveCommand(stdout, stderr, environment, workingDirectory).run(args);
        }
        return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CommandRun of(Path workingDirectory, String... args) {
        return of(workingDirectory, Map.of(), args);
    }

    /** Asserts that each command line is refused as a usage error (exit 64). */
    static void assertEachIsAUsageError(Path workingDirectory, List<List<String>> commandLines) {
        for (List<String> args : commandLines) {
            CommandRun run = of(workingDirectory, args.toArray(String[]::new));
            assertEquals(64, run.exitCode(), args + ": " + run);
        }
    }

    /** Asserts that {@code conclave <command> --help} exits 0 and shows {@code text}. */
    static void assertHelpShows(Path workingDirectory, String command, String text) {
        CommandRun help = of(workingDirectory, command, "--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains(text), help::toString);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}
