package dev.conclave.cli;

import static dev.conclave.cli.FakeGateway.role;
import static dev.conclave.cli.FakeGateway.roles;
import static dev.conclave.cli.FakeGateway.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.conclave.model.WireJson;
import dev.conclave.report.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --json} is for pipes: stdout is one JSON document, the gateway's report, and nothing else. */
class JsonOutputIsTheReportAloneTest extends DemoShopTest {

    @Test
    void stdoutIsExactlyTheReportAndProgressGoesToStderr() throws IOException {
        String completed = scan("COMPLETED", roles(role("architect", "SUCCEEDED", null)),
                SampleReports.plain("COMPLETED"));
        try (FakeGateway gateway = FakeGateway.accepting(scan("RUNNING", "[]", "null"), completed)) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--json", "--bypass-cache",
                    "--server", gateway.url());

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(List.of(WireJson.decode(SampleReports.plain("COMPLETED"), JsonNode.class)),
                    documents(run.out()), "stdout is one JSON document, the report");
            assertTrue(run.err().contains("Scanned demo-shop") && run.err().contains("Submitted scan"),
                    "progress goes to stderr\n" + run);
            assertTrue(run.err().contains("Report saved:"), "the saved files are named on stderr\n" + run);
            assertTrue(WireJson.decode(gateway.received().get(0).body(), JsonNode.class)
                    .path("bypassCache").asBoolean(), "--bypass-cache is sent");
        }
    }

    @Test
    void partialReportIsPrintedAloneAndExitsTwo() throws IOException {
        String partial = scan("PARTIAL", roles(role("performance", "FAILED", "rate limited")),
                SampleReports.full("PARTIAL"));
        try (FakeGateway gateway = FakeGateway.accepting(partial)) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--json", "--out", "r.html",
                    "--server", gateway.url());

            assertEquals(2, run.exitCode(), run::toString);
            assertEquals(List.of(WireJson.decode(SampleReports.full("PARTIAL"), JsonNode.class)),
                    documents(run.out()), "the notice and missing roles are in the JSON, not beside it");
            assertTrue(Files.isRegularFile(workingDirectory.resolve("r.html")), "--out still writes its file");
        }
    }

    @Test
    void failedScanWithoutReportPrintsNothingOnStdout() throws IOException {
        String failed = scan("FAILED", roles(role("architect", "FAILED", "no model")), "every role failed", "null");
        try (FakeGateway gateway = FakeGateway.accepting(failed)) {
            CommandRun run = CommandRun.of(workingDirectory, "scan", "demo-shop", "--json", "--server", gateway.url());

            assertEquals(1, run.exitCode(), run::toString);
            assertEquals("", run.out(), "no report, so nothing a JSON reader could mistake for one");
            assertTrue(run.err().contains("without a report"), run::toString);
        }
    }

    /** Every JSON document on stdout, so a second one or stray text after the first cannot pass. */
    private static List<JsonNode> documents(String stdout) throws IOException {
        try (JsonParser parser = WireJson.mapper().createParser(stdout);
                MappingIterator<JsonNode> values = WireJson.mapper().readValues(parser, JsonNode.class)) {
            return values.readAll();
        }
    }
}
