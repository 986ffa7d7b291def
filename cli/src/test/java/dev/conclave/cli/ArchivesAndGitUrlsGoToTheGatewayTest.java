package dev.conclave.cli;

import static dev.conclave.cli.FakeGateway.role;
import static dev.conclave.cli.FakeGateway.roles;
import static dev.conclave.cli.FakeGateway.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import dev.conclave.report.SampleReports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conclave scan} takes a directory, a .zip or .tar.gz, or a git URL: an archive is uploaded as it
 * is, a git URL is handed to the gateway to fetch, each named after the archive or repository.
 */
class ArchivesAndGitUrlsGoToTheGatewayTest {

    @TempDir
    Path workingDirectory;

    private static FakeGateway completing() throws IOException {
        return FakeGateway.accepting(scan("COMPLETED", roles(role("architect", "SUCCEEDED", null)),
                SampleReports.full("COMPLETED")));
    }

    @Test
    void zipIsUploadedAsItIs() throws IOException {
        Path zip = workingDirectory.resolve("demo-shop.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("README.md"));
            out.write("# Demo shop\n".getBytes());
            out.closeEntry();
        }
        try (FakeGateway gateway = completing()) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop.zip", "--server", gateway.url(),
                    "--out-dir", workingDirectory.resolve("out").toString());

            assertEquals(0, run.exitCode(), run::toString);
            FakeGateway.Received upload = gateway.received().get(0);
            assertEquals("application/zip", upload.contentType());
            assertEquals("name=demo-shop&bypassCache=false", upload.query());
            assertEquals(Files.size(zip), upload.bodyBytes(), "the archive's bytes, unchanged");
            assertTrue(!run.out().contains("Scanned demo-shop"), "an archive is not digested by the CLI");
        }
    }

    @Test
    void gitUrlIsFetchedByTheGatewayAtTheGivenRef() throws IOException {
        try (FakeGateway gateway = completing()) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "https://github.com/acme/demo-shop.git",
                    "--ref", "v2", "--server", gateway.url(), "--out-dir", workingDirectory.resolve("out").toString());

            assertEquals(0, run.exitCode(), run::toString);
            JsonNode body = WireJson.decode(gateway.received().get(0).body(), JsonNode.class);
            assertEquals("demo-shop", body.path("name").asText());
            assertEquals("https://github.com/acme/demo-shop.git", body.path("git").path("url").asText());
            assertEquals("v2", body.path("git").path("ref").asText());
        }
    }

    @Test
    void gitOverSshIsAUsageError() {
        CommandRun run = CommandRun.of(workingDirectory, "scan", "git@github.com:acme/demo-shop.git");

        assertEquals(64, run.exitCode());
        assertTrue(run.err().contains("https only"), run::toString);
    }

    @Test
    void refWithoutAGitUrlIsAUsageError() throws IOException {
        Files.createDirectories(workingDirectory.resolve("demo-shop"));

        CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--ref", "main");

        assertEquals(64, run.exitCode());
        assertTrue(run.err().contains("--ref is for a git URL"), run::toString);
    }

    @Test
    void missingArchiveIsAUsageError() {
        CommandRun run = CommandRun.of(workingDirectory, "scan", "nowhere.tar.gz");

        assertEquals(64, run.exitCode());
        assertTrue(run.err().contains("archive 'nowhere.tar.gz' does not exist"), run::toString);
    }
}
