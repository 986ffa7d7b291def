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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code --out FILE} writes exactly the files named, each in the format of its extension, instead of the defaults. */
class ReportFileFormatFollowsOutExtensionTest extends DemoShopTest {

    @Test
    void htmlOutWritesOnlyTheHtmlPage() throws IOException {
        CommandRun run = scanWith("--out", "reports/demo.HTML");

        assertEquals(0, run.exitCode(), run::toString);
        Path html = workingDirectory.resolve("reports/demo.HTML");
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"), "a missing directory is created");
        assertTrue(run.out().contains("Report saved:\n  " + html.toAbsolutePath()), run::toString);
        assertEquals(List.of("demo-shop", "reports"), listing(workingDirectory), "no default .json or .md beside it");
    }

    @Test
    void repeatedOutWritesEachFormat() throws IOException {
        CommandRun run = scanWith("--out", "r.md", "--out=r.json");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.readString(workingDirectory.resolve("r.md")).startsWith("# Conclave report: demo-shop"));
        assertEquals(WireJson.decode(SampleReports.full("COMPLETED"), JsonNode.class),
                WireJson.decode(Files.readString(workingDirectory.resolve("r.json")), JsonNode.class));
    }

    @Test
    void withoutOutTheDefaultJsonAndMarkdownFilesAreWritten() throws IOException {
        CommandRun run = scanWith();

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("conclave-report-demo-shop-3f2a1b2c.json", "conclave-report-demo-shop-3f2a1b2c.md",
                "demo-shop"), listing(workingDirectory));
    }

    @Test
    void unwritableOutFailsWithExitOneAndSaysWhatToDo() throws IOException {
        Files.writeString(workingDirectory.resolve("taken"), "a file where a directory should be");

        CommandRun run = scanWith("--out", "taken/report.html");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot write the report") && run.err().contains("Choose another --out"),
                run::toString);
    }

    private CommandRun scanWith(String... outOptions) throws IOException {
        String completed = scan("COMPLETED", roles(role("architect", "SUCCEEDED", null)),
                SampleReports.full("COMPLETED"));
        try (FakeGateway gateway = FakeGateway.accepting(completed)) {
            List<String> args = new java.util.ArrayList<>(List.of("scan", "demo-shop", "--server", gateway.url()));
            args.addAll(List.of(outOptions));
            return CommandRun.of(workingDirectory, args.toArray(String[]::new));
        }
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
