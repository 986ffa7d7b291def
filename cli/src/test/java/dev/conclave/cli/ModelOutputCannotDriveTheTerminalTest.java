package dev.conclave.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.ScanStatus;
import dev.conclave.model.WireJson;
import dev.conclave.report.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Escape sequences in a model's answer (an OSC 8 hyperlink, a cursor move, a retitle, a carriage return
 * that overwrites the line) reach neither the terminal summary nor a saved Markdown report; the words
 * around them do.
 */
class ModelOutputCannotDriveTheTerminalTest {
    private static final String OSC8_LINK = "\u001b]8;;http://evil.test/\u0007click here\u001b]8;;\u0007";
    private static final String HOSTILE = "Fine " + OSC8_LINK + " \u001b[2J\u001b[1;1Hcleared \u001b]0;pwned\u0007"
            + "title\rOverwritten \u009b31mred";

    private JsonNode report() {
        ObjectNode report = (ObjectNode) WireJson.decode(SampleReports.full("PARTIAL"), JsonNode.class);
        ObjectNode insights = (ObjectNode) report.get("aggregated_insights");
        insights.put("overall_assessment", HOSTILE);
        insights.putArray("top_priorities").add(HOSTILE);
        report.put("project_name", "shop" + OSC8_LINK);
        return report;
    }

    @Test
    void theTerminalSummaryHoldsNoControlCharacter() {
        String summary = new TerminalSummary().render(new ScanProgress(SampleReports.SCAN_ID, "shop", ScanStatus.PARTIAL,
                1, null, null, List.of(new RoleProgress("architect", "FAILED", null, null, false, HOSTILE)), HOSTILE,
                report()));

        assertNoControl(summary);
        assertTrue(summary.contains("click here") && summary.contains("cleared"), summary);
    }

    @Test
    void theMarkdownReportHoldsNoControlCharacter() {
        String markdown = ReportFormat.MARKDOWN.render(report(),
                List.of(new RoleProgress("architect", "FAILED", null, null, false, HOSTILE)));

        assertNoControl(markdown);
        assertTrue(markdown.contains("cleared") && markdown.contains("Overwritten"), markdown);
    }

    private static void assertNoControl(String text) {
        for (char c : text.toCharArray()) {
            boolean control = c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f));
            assertFalse(control, () -> "control character U+%04X in%n%s".formatted((int) c, text));
        }
    }
}
