package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageErrorsExitWith64Test {

    @TempDir
    Path workingDirectory;

    @Test
    void unknownOptionIsNamedAndUsageShown() throws IOException {
        Path project = Files.createDirectory(workingDirectory.resolve("project"));

        CommandRun run = CommandRun.of(workingDirectory, "scan", project.toString(), "--frobnicate");

        assertUsageError(run, "unknown option --frobnicate");
    }

    @Test
    void missingDirectoryIsReported() {
        assertUsageError(CommandRun.of(workingDirectory, "scan"), "missing <directory>");
    }

    @Test
    void nonexistentDirectoryIsNamed() {
        CommandRun run = CommandRun.of(workingDirectory, "scan", "no-such-project");

        assertUsageError(run, "directory 'no-such-project' does not exist");
    }

    @Test
    void fileInsteadOfDirectoryIsNamed() throws IOException {
        Files.writeString(workingDirectory.resolve("notes.txt"), "not a project");

        CommandRun run = CommandRun.of(workingDirectory, "scan", "notes.txt");

        assertUsageError(run, "'notes.txt' is not a directory");
    }

    @Test
    void optionWithoutItsValueIsNamed() {
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--server"), "--server needs a value");
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--name", "--json"), "--name needs a value");
    }

    @Test
    void timeoutThatIsNotAPositiveNumberIsNamed() {
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--timeout", "soon"),
                "--timeout must be a whole number of seconds above 0, got 'soon'");
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--timeout=0"), "got '0'");
    }

    @Test
    void serverThatIsNotAnHttpUrlIsNamed() {
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--server", "ftp://example.test"),
                "--server must be an http(s) URL");
    }

    @Test
    void badServerFromTheEnvironmentNamesTheVariable() {
        CommandRun run = CommandRun.of(workingDirectory,
                java.util.Map.of(ScanOptions.SERVER_ENV, "localhost:18080"), "scan", ".");

        assertUsageError(run, "$CONCLAVE_SERVER must be an http(s) URL");
    }

    @Test
    void outWithoutAReportExtensionNamesTheAllowedOnes() {
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--out", "report.pdf"),
                "--out 'report.pdf' has no report extension: the format is chosen by it; use .json, .md or .html");
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--out", "report"), "use .json, .md or .html");
    }

    @Test
    void outThatIsADirectoryOrComesWithOutDirIsRefused() throws IOException {
        Files.createDirectory(workingDirectory.resolve("old.html"));

        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--out", "old.html"),
                "--out 'old.html' is a directory");
        assertUsageError(CommandRun.of(workingDirectory, "scan", ".", "--out", "r.html", "--out-dir", "reports"),
                "--out names the report file itself; --out-dir is only for the default files");
    }

    @Test
    void secondDirectoryIsRefused() throws IOException {
        Files.createDirectory(workingDirectory.resolve("a"));
        Files.createDirectory(workingDirectory.resolve("b"));

        assertUsageError(CommandRun.of(workingDirectory, "scan", "a", "b"), "unexpected argument 'b'");
    }

    @Test
    void noCommandAndUnknownCommandAreUsageErrors() {
        assertUsageError(CommandRun.of(workingDirectory), "missing command");
        assertUsageError(CommandRun.of(workingDirectory, "scna", "."), "unknown command 'scna'");
    }

    @Test
    void helpPrintsUsageOnStdoutAndSucceeds() {
        CommandRun run = CommandRun.of(workingDirectory, "--help");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("conclave scan <project>"), run::toString);
        assertTrue(run.out().contains("--bypass-cache"), run::toString);
        assertTrue(run.out().contains("--ref=REF") && run.out().contains(".zip or .tar.gz"), run::toString);
        assertTrue(run.out().contains("--out=FILE"), run::toString);
        assertEquals("", run.err());
    }

    private static void assertUsageError(CommandRun run, String expectedMessage) {
        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("conclave: "), run::toString);
        assertTrue(run.err().contains(expectedMessage), () -> "expected '" + expectedMessage + "' in\n" + run);
        assertTrue(run.err().contains("Usage:"), run::toString);
        assertEquals("", run.out(), "a usage error prints nothing on stdout");
    }
}
