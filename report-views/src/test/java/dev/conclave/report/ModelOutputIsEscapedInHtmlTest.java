package dev.conclave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A report is model output: whatever markup it holds must reach the reader as text. */
class ModelOutputIsEscapedInHtmlTest {

    private final String html = new ReportTemplates().html(ReportView.of(WireJson.decode(SampleReports.hostile(), JsonNode.class),
            List.of(new ReportView.RoleState("<script>alert('failed')</script>", false, "<script>alert('reason')</script>", null))));
    private final String lower = html.toLowerCase(Locale.ROOT);

    @Test
    void noMarkupFromTheReportBecomesAnElement() {
        for (String element : List.of("<script", "<img", "<iframe", "<a ", "<b>", "<svg onload")) {
            assertFalse(lower.contains(element), () -> element + " in\n" + html);
        }
        assertEquals(1, count(lower, "<style"), "only the page's own style element");
    }

    @Test
    void theMarkupIsShownAsText() {
        assertTrue(html.contains("&lt;script&gt;alert(&#39;finding&#39;)&lt;/script&gt;"), "a static score finding");
        assertTrue(html.contains("<title>Conclave report: &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;</title>"),
                "the project name");
        assertTrue(html.contains("&lt;img src=x onerror=alert(&#39;notice&#39;)&gt;"), "the notice");
        assertTrue(html.contains("&lt;iframe src=javascript:alert(&#39;issue&#39;)&gt;"), "a deployment blocker");
        assertTrue(html.contains("&lt;a href=http://evil.test/&gt;click&lt;/a&gt;"), "a top priority");
        assertTrue(html.contains("&lt;svg onload=alert(&#39;key&#39;)&gt;"), "a field name");
        assertTrue(html.contains("failed: &lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;"), "a failure reason");
    }

    @Test
    void quotesCannotLeaveAnAttribute() {
        // The hostile role name lands in an id attribute: its quote must not close it.
        Matcher attributes = Pattern.compile("\\s[a-z-]+=\"([^\"]*)\"").matcher(html);
        while (attributes.find()) {
            String value = attributes.group(1);
            if (value.equals(ReportTemplates.CONTENT_SECURITY_POLICY)) {
                continue; // the page's own policy quotes its keywords
            }
            assertFalse(value.contains("<") || value.contains("'"), () -> "attribute value " + value);
        }
        assertTrue(html.contains("id=\"role-x&#39;&gt;&lt;script&gt;alert(&#39;role&#39;)&lt;/script&gt;\""), html);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
