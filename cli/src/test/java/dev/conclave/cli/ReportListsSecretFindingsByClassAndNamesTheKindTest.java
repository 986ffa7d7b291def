package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import dev.conclave.report.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report says what kind of project it judged and lists every secret-shaped value by class, file and
 * line, likely-real ones first, so a reader can check each in a minute; the terminal gives the counts.
 */
class ReportListsSecretFindingsByClassAndNamesTheKindTest {

    private static final JsonNode REPORT = WireJson.decode("""
            {"schema_version": 1, "scan_id": "%s", "run": 1, "project_name": "requests", "status": "COMPLETED",
             "static_scores": {"code_quality": 7, "deployment_readiness_percent": 100, "documentation_quality_percent": 80,
               "findings": [{"score": "deployment_readiness", "signal": "packaging", "points": 30,
                             "detail": "package metadata in pyproject.toml"}],
               "project_kind": "library",
               "secret_findings": {"by_class": {"likely_real": 1, "test_fixture": 2, "example": 30},
                 "listed": [
                   {"path": "src/requests/settings.py", "line": 12, "rule": "aws_secret_key", "secret_class": "likely_real",
                    "reason": "in application code or configuration, not a recognisable placeholder"},
                   {"path": "tests/certs/server.key", "line": 1, "rule": "private_key", "secret_class": "test_fixture",
                    "reason": "under a test folder (tests/)"},
                   {"path": "tests/test_utils.py", "line": 455, "rule": "url_password", "secret_class": "example",
                    "reason": "too short to be a credential (4 characters or fewer)"}],
                 "problems": [".conclave-false-positives line 3 has 1 fields; write one '<path> <rule>' pair a line"]}}}
            """.formatted(SampleReports.SCAN_ID), JsonNode.class);

    @Test
    void markdownNamesTheKindAndGroupsFindingsByClass() {
        String md = ReportFormat.MARKDOWN.render(REPORT, List.of());

        assertShows(md, "| Judged as | library |", "**Likely real** (1)",
                "| `src/requests/settings.py` | 12 | `aws_secret_key` |", "**Test fixture** (2)", "_1 more not listed._",
                "_29 more not listed._", "> **Not read:** .conclave-false-positives line 3 has 1 fields");
        assertTrue(md.indexOf("**Likely real**") < md.indexOf("**Test fixture**")
                && md.indexOf("**Test fixture**") < md.indexOf("**Example or placeholder** (30)"), md);
    }

    @Test
    void htmlNamesTheKindAndGroupsFindingsByClass() {
        String html = ReportFormat.HTML.render(REPORT, List.of());

        assertShows(html, "Judged as: library", "<h3>Likely real (1)</h3>",
                "<td><code>tests/test_utils.py</code></td><td class=\"num\">455</td>");
    }

    @Test
    void terminalGivesTheCountsAndTheKind() {
        String summary = new TerminalSummary().render(new ScanProgress(SampleReports.SCAN_ID, "requests",
                ScanStatus.COMPLETED, 1, null, null, List.of(), null, REPORT));

        assertShows(summary, "library", "33 redacted, 1 likely real");
    }

    @Test
    void aReportFromBeforeKindsShowsNoFindingsSection() {
        String md = ReportFormat.MARKDOWN.render(WireJson.decode(SampleReports.full("COMPLETED"), JsonNode.class), List.of());

        assertTrue(md.contains("| Judged as | unknown kind (judged as a service) |"), md);
        assertFalse(md.contains("Secret-shaped values"), md);
    }

    /** Each of {@code parts} is on the rendered {@code page} (the page is the message when one is missing). */
    private static void assertShows(String page, String... parts) {
        for (String part : parts) {
            assertTrue(page.contains(part), () -> "missing " + part + " in:\n" + page);
        }
    }
}
