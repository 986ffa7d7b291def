package dev.conclave.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report whose metadata sums each role's calls gets time and cost bars per role, the synthesis included. */
class TimeAndCostPerRoleAreChartedTest {

    @Test
    void perRoleUsageBecomesTimeAndCostBars() {
        ObjectNode report = (ObjectNode) WireJson.decode(SampleReports.plain("COMPLETED"), JsonNode.class);
        ((ObjectNode) report.get("metadata")).set("roles", WireJson.decode("""
                [{"role": "architect", "seconds": 2.5, "api_calls": 1, "cache_hits": 0, "tokens": 2213, "cost_usd": 0.0041},
                 {"role": "business", "seconds": 1.75, "api_calls": 2, "cache_hits": 0, "tokens": 2153, "cost_usd": 0.0036},
                 {"role": "aggregator", "seconds": 3.0, "api_calls": 1, "cache_hits": 0, "tokens": 2938, "cost_usd": 0.0046}]
                """, JsonNode.class));

        String html = new ReportTemplates().html(ReportView.of(report, List.of()));

        String time = svg(html, ReportView.TIME_BARS_ID);
        assertTrue(time.contains(">architect</text>") && time.contains(">2.5 s</text>"), time);
        assertTrue(time.contains(">aggregator</text>") && time.contains(">3 s</text>"), time);
        String cost = svg(html, ReportView.COST_BARS_ID);
        assertTrue(cost.contains(">business</text>") && cost.contains(">$0.0036</text>"), cost);
        assertTrue(cost.contains(">aggregator</text>") && cost.contains(">$0.0046</text>"), cost);
        assertFalse(html.contains("no per-role cost chart"), "nothing to excuse");
    }

    @Test
    void olderReportWithoutPerRoleUsageHasNoCostChart() {
        String html = new ReportTemplates().html(ReportView.of(WireJson.decode(SampleReports.plain("COMPLETED"), JsonNode.class), List.of()));

        assertFalse(html.contains("<svg id=\"" + ReportView.COST_BARS_ID + "\""), html);
        assertTrue(html.contains("no per-role cost chart"), html);
    }

    private static String svg(String html, String id) {
        int start = html.indexOf("<svg id=\"" + id + "\"");
        assertTrue(start >= 0, () -> "no chart " + id + " in\n" + html);
        return html.substring(start, html.indexOf("</svg>", start));
    }
}
