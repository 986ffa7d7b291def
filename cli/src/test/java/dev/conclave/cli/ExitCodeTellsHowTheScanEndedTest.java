package dev.conclave.cli;

import static dev.conclave.cli.FakeGateway.role;
import static dev.conclave.cli.FakeGateway.roles;
import static dev.conclave.cli.FakeGateway.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.report.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Scripts branch on the exit code: 0 completed, 2 partial, 1 failed, 64 usage error. */
class ExitCodeTellsHowTheScanEndedTest extends DemoShopTest {

    @Test
    void completedExitsZero() throws IOException {
        assertEquals(0, scanEnding("COMPLETED", SampleReports.plain("COMPLETED")).exitCode());
    }

    @Test
    void partialExitsTwo() throws IOException {
        assertEquals(2, scanEnding("PARTIAL", SampleReports.full("PARTIAL")).exitCode());
    }

    @Test
    void failedExitsOneEvenWithAReport() throws IOException {
        CommandRun run = scanEnding("FAILED", SampleReports.full("FAILED"));

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(Files.isRegularFile(workingDirectory.resolve("r.html")), "the report it has is still saved");
    }

    @Test
    void failedWithoutAReportExitsOne() throws IOException {
        assertEquals(1, scanEnding("FAILED", "null").exitCode());
    }

    @Test
    void usageErrorExitsSixtyFourBeforeAnythingIsScanned() {
        CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--out", "report.pdf");

        assertEquals(64, run.exitCode(), run::toString);
        assertEquals("", run.out(), "nothing scanned, nothing submitted");
    }

    private CommandRun scanEnding(String status, String report) throws IOException {
        try (FakeGateway gateway = FakeGateway.accepting(scan(status, roles(role("architect", "SUCCEEDED", null)),
                report))) {
            return CommandRun.of(workingDirectory, "scan", "demo-shop", "--server", gateway.url(), "--out", "r.html");
        }
    }
}
