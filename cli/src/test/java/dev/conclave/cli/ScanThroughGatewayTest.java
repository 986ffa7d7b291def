package dev.conclave.cli;

import static dev.conclave.cli.FakeGateway.role;
import static dev.conclave.cli.FakeGateway.roles;
import static dev.conclave.cli.FakeGateway.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import dev.conclave.report.SampleReports;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command against an in-process gateway: submit, poll, summarise, save, exit code. */
class ScanThroughGatewayTest {

    private static final String REPORT_BASE = "conclave-report-demo-shop-3f2a1b2c";

    @TempDir
    Path workingDirectory;
    Path project;
    Path outDir;

    @BeforeEach
    void createProject() throws IOException {
        project = Files.createDirectories(workingDirectory.resolve("demo-shop"));
        Files.writeString(project.resolve("README.md"), "# Demo shop\n\nA small storefront.\n");
        Files.createDirectories(project.resolve("src/main/java/shop"));
        Files.writeString(project.resolve("src/main/java/shop/Main.java"),
                "package shop;\n\npublic class Main {\n    public static void main(String[] args) {\n    }\n}\n");
        outDir = workingDirectory.resolve("reports");
    }

    @Test
    void completedScanExitsZeroAndSavesJsonAndMarkdownReports() throws IOException {
        String running = scan("RUNNING", roles(role("architect", "SUCCEEDED", null), role("business", "PENDING", null)),
                "null");
        String completed = scan("COMPLETED",
                roles(role("architect", "SUCCEEDED", null), role("business", "SUCCEEDED", null)),
                SampleReports.full("COMPLETED"));
        try (FakeGateway gateway = FakeGateway.accepting(running, completed)) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(),
                    "--out-dir", outDir.toString());

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(2, gateway.polls(), "polled until COMPLETED, then stopped");

            FakeGateway.Received submission = gateway.received().get(0);
            assertEquals("POST", submission.method());
            JsonNode body = WireJson.decode(submission.body(), JsonNode.class);
            assertEquals("demo-shop", body.path("name").asText());
            assertEquals("demo-shop", body.path("digest").path("projectName").asText());
            assertTrue(body.path("digest").path("fileCount").asInt() >= 2, submission::body);
            assertFalse(body.path("bypassCache").asBoolean(true));
            assertNotNull(submission.idempotencyKey(), "a submission carries an Idempotency-Key");

            assertTrue(run.out().contains("Scanned demo-shop: "), run::toString);
            assertTrue(run.out().contains("Submitted scan " + SampleReports.SCAN_ID), run::toString);
            assertTrue(run.out().contains("business     PENDING"), run::toString);
            assertTrue(run.out().contains("business     SUCCEEDED  offline/conclave-offline-1"), run::toString);
            assertTrue(run.out().contains("took 1.2s"), "a finished role says how long it took\n" + run);
            assertTrue(run.out().contains("* NOTICE: Offline simulation"), run::toString);

            Path json = outDir.resolve(REPORT_BASE + ".json").toAbsolutePath();
            Path md = outDir.resolve(REPORT_BASE + ".md").toAbsolutePath();
            assertEquals(WireJson.decode(SampleReports.full("COMPLETED"), JsonNode.class),
                    WireJson.decode(Files.readString(json), JsonNode.class), "the saved JSON is the gateway's report");
            String markdown = Files.readString(md);
            assertTrue(markdown.startsWith("# Conclave report: demo-shop"), markdown);
            assertTrue(markdown.contains("## Security analysis"), markdown);
            assertTrue(run.out().contains(json.toString()) && run.out().contains(md.toString()),
                    "both absolute paths are printed\n" + run);
        }
    }

    @Test
    void partialScanExitsTwoAndStillSavesTheReport() throws IOException {
        String partial = scan("PARTIAL",
                roles(role("architect", "SUCCEEDED", null), role("performance", "FAILED", "rate limited for 10 min")),
                SampleReports.full("PARTIAL"));
        try (FakeGateway gateway = FakeGateway.accepting(scan("QUEUED", "[]", "null"), partial)) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(),
                    "--out-dir", outDir.toString());

            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.out().contains("performance  FAILED"), run::toString);
            assertTrue(run.out().contains("rate limited for 10 min"), run::toString);
            assertTrue(Files.exists(outDir.resolve(REPORT_BASE + ".json")));
            assertTrue(Files.readString(outDir.resolve(REPORT_BASE + ".md"))
                    .contains("- **performance** failed: rate limited for 10 min"));
        }
    }

    @Test
    void failedScanWithoutReportExitsOneAndSavesNothing() throws IOException {
        String failed = scan("FAILED", roles(role("architect", "FAILED", "no model available")),
                "synthesis failed: every role failed", "null");
        try (FakeGateway gateway = FakeGateway.accepting(failed)) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(),
                    "--out-dir", outDir.toString());

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.out().contains("no model available"), run::toString);
            assertTrue(run.out().contains("Reason: synthesis failed: every role failed"), run::toString);
            assertTrue(run.err().contains("without a report"), run::toString);
            assertFalse(Files.exists(outDir.resolve(REPORT_BASE + ".json")));
        }
    }

    @Test
    void gatewayRefusalShowsTheGatewaysMessage() throws IOException {
        try (FakeGateway gateway = FakeGateway.refusing(400,
                "{\"error\": \"digest has 0 files; scan a directory with source code\", \"field\": \"digest\"}")) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(),
                    "--out-dir", outDir.toString());

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("HTTP 400"), run::toString);
            assertTrue(run.err().contains("digest has 0 files; scan a directory with source code (field: digest)"),
                    run::toString);
        }
    }

    @Test
    void unreachableGatewaySuggestsCheckingItsStatus() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop",
                "--server", "http://127.0.0.1:" + closedPort, "--out-dir", outDir.toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot reach the Conclave gateway at http://127.0.0.1:" + closedPort),
                run::toString);
        assertTrue(run.err().contains("./conclave status"), run::toString);
    }

    @Test
    void scanStillRunningAtTheTimeoutExitsOneAndSaysWhereToFollowIt() throws IOException {
        try (FakeGateway gateway = FakeGateway.accepting(scan("RUNNING", roles(role("architect", "PENDING", null)),
                "null"))) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(),
                    "--out-dir", outDir.toString(), "--timeout", "1");

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("gave up waiting after 1 s (--timeout)"), run::toString);
            assertTrue(run.err().contains(gateway.url() + "/api/v1/scans/" + SampleReports.SCAN_ID), run::toString);
            assertTrue(gateway.polls() >= 3, "kept polling until the timeout");
            assertFalse(Files.exists(outDir), "no report without a final status");
        }
    }
}
