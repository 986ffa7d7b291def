package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class ScanOptionsDefaultsTest {

    @TempDir
    Path workingDirectory;
    Path project;

    @BeforeEach
    void createProject() throws IOException {
        project = Files.createDirectory(workingDirectory.resolve("shop"));
    }

    @Test
    void withoutOptionsEverythingHasItsDocumentedDefault() throws UsageException {
        ScanOptions options = parse(Map.of(), "scan", "shop");

        assertEquals(project, options.directory());
        assertEquals(URI.create("http://127.0.0.1:18080"), options.server());
        assertEquals("shop", options.name());
        assertEquals(workingDirectory.toAbsolutePath().normalize(), options.outDir());
        assertEquals(Duration.ofSeconds(900), options.timeout());
        assertEquals(List.of(), options.outFiles(), "no --out: the default .json and .md files");
        assertFalse(options.json());
        assertFalse(options.bypassCache());
    }

    @Test
    void dotIsNamedAfterTheWorkingDirectory() throws UsageException {
        assertEquals("shop", parse(project, Map.of(), "scan", ".").name());
    }

    @Test
    void serverComesFromTheEnvironmentUnlessGivenAsOption() throws UsageException {
        Map<String, String> env = Map.of(ScanOptions.SERVER_ENV, "http://gateway.test:8080/");

        assertEquals(URI.create("http://gateway.test:8080"), parse(env, "scan", "shop").server());
        assertEquals(URI.create("https://other.test"),
                parse(env, "scan", "shop", "--server", "https://other.test").server());
    }

    @Test
    void everyOptionIsReadInBothSpellings() throws UsageException {
        ScanOptions options = parse(Map.of(), "scan", "--json", "--name=Demo Shop", "shop", "--out-dir", "reports",
                "--bypass-cache", "--timeout=30");
        ScanOptions withOut = parse(Map.of(), "scan", "shop", "--out", "r.html", "--out=sub/r.md");

        assertEquals("Demo Shop", options.name());
        assertEquals(workingDirectory.resolve("reports").toAbsolutePath().normalize(), options.outDir());
        assertEquals(Duration.ofSeconds(30), options.timeout());
        assertTrue(options.json());
        assertTrue(options.bypassCache());
        assertEquals(List.of(workingDirectory.resolve("r.html").toAbsolutePath().normalize(),
                workingDirectory.resolve("sub/r.md").toAbsolutePath().normalize()), withOut.outFiles());
    }

    @Test
    void helpAfterScanAsksForHelp() {
        ParseResult parsed = commandLine(workingDirectory, Map.of()).parseArgs("scan", "--help");

        assertTrue(parsed.subcommand().isUsageHelpRequested());
    }

    private ScanOptions parse(Map<String, String> env, String... args) throws UsageException {
        return parse(workingDirectory, env, args);
    }

    /** The command line read by the real command tree, then scan's checks and defaults, without running the scan. */
    private static ScanOptions parse(Path directory, Map<String, String> env, String... args) throws UsageException {
        ParseResult parsed = commandLine(directory, env).parseArgs(args);
        return assertInstanceOf(ScanCli.class, parsed.subcommand().commandSpec().userObject()).options();
    }

    private static CommandLine commandLine(Path directory, Map<String, String> env) {
        return new ConclaveCommand(System.out, System.err, env, directory).commandLine();
    }
}
