package dev.conclave.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The page opens offline and years later: it loads nothing, and draws only what the report has. */
class HtmlReportIsOneSelfContainedPageTest {

    @Test
    void pageLoadsNothingAndForbidsLoading() {
        String html = render(SampleReports.full("COMPLETED")).toLowerCase(Locale.ROOT);

        assertTrue(html.contains("<meta http-equiv=\"content-security-policy\" content=\"default-src 'none';"), html);
        for (String reference : List.of(" src=", " href=", "<link", "<script", "@import", "url(")) {
            assertFalse(html.contains(reference), () -> reference + " in the page");
        }
    }

    @Test
    void completedRealRunHasNoNotice() {
        String html = render(SampleReports.plain("COMPLETED"));

        assertFalse(html.contains("class=\"notice\""), html);
        assertTrue(html.contains("<span class=\"status status-completed\">COMPLETED</span>"), html);
        assertTrue(html.contains("$0.0123"), "the run's cost");
    }

    @Test
    void offlineRunWithoutANoticeTextIsStillMarkedSimulated() {
        ObjectNode report = (ObjectNode) WireJson.decode(SampleReports.plain("COMPLETED"), JsonNode.class);
        ((ObjectNode) report.get("metadata")).put("offline", true);

        String html = new ReportTemplates().html(ReportView.of(report, List.of()));

        assertTrue(html.contains("<strong>Simulated analysis</strong>"), html);
        assertTrue(html.contains("offline simulator, not from a real model"), html);
    }

    @Test
    void scoreTheReportLacksIsLeftOffTheRadarNotDrawnAsZero() {
        // plain() has no business section, so no market viability: five axes, not six.
        String html = render(SampleReports.plain("COMPLETED"));
        String radar = html.substring(html.indexOf("<svg id=\"" + ReportView.RADAR_ID + "\""));
        radar = radar.substring(0, radar.indexOf("</svg>"));

        assertFalse(radar.contains("Market viability"), radar);
        assertTrue(radar.contains(">9 / 10</tspan>") && radar.contains(">85 %</tspan>"), radar);
        assertTrue(radar.split("class=\"axis-label\"").length - 1 == 5, radar);
    }

    @Test
    void fewerThanThreeScoresGetATableButNoRadar() {
        String html = render("""
                {"project_name": "tiny", "status": "COMPLETED",
                 "aggregated_insights": {"overall_assessment": "Small.", "top_priorities": [],
                                         "vibecodibility_score": 4, "fit_score": 5}}
                """);

        assertFalse(html.contains(ReportView.RADAR_ID), html);
        assertTrue(html.contains("<td>Fit</td><td class=\"num\">5 / 10</td>"), html);
    }

    private static String render(String json) {
        return new ReportTemplates().html(ReportView.of(WireJson.decode(json, JsonNode.class), List.of()));
    }
}
