package dev.conclave.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both templates over one view: every sample report, rendered as a page and as Markdown, shows every
 * value its view holds, read back as a reader sees it (the page's text without markup and entities, the
 * Markdown as a CommonMark parser reads it), so neither format can drop what the other shows.
 */
class EverySampleShowsEverySectionInBothFormatsTest {

    private static final ReportTemplates TEMPLATES = new ReportTemplates();

    static Stream<String> samples() {
        return Stream.of(SampleReports.full("PARTIAL"), SampleReports.full("COMPLETED"), SampleReports.plain("COMPLETED"),
                SampleReports.hostile());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void thePageShowsEveryValue(String sample) {
        ReportView view = view(sample);
        String text = pageText(TEMPLATES.html(view));

        for (String value : expected(view, true)) {
            assertTrue(text.contains(value), () -> "'" + value + "' on the page:\n" + text);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theMarkdownShowsEveryValue(String sample) {
        ReportView view = view(sample);
        String text = markdownText(TEMPLATES.markdown(view));

        for (String value : expected(view, false)) {
            assertTrue(text.contains(value), () -> "'" + value + "' in the Markdown:\n" + text);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sectionsMissingFromTheReportAreLeftOutOfBoth(String sample) {
        ReportView view = view(sample);
        String html = TEMPLATES.html(view);
        String markdown = TEMPLATES.markdown(view);

        assertTrue(view.absentRoles() != null || !(html.contains("Roles without an answer")
                || markdown.contains("Roles without an answer")), "no absent roles, no section");
        assertTrue(view.insights() != null || !(html.contains("What to do first")
                || markdown.contains("Aggregated insights")), "no insights, no section");
        assertFalse(markdown.contains("\n\n\n"), () -> "no run of blank lines:\n" + markdown);
    }

    private static ReportView view(String sample) {
        return ReportView.of(WireJson.decode(sample, JsonNode.class), List.of(
                new ReportView.RoleState("performance", false, "rate limited for 10 min", null)));
    }

    /**
     * Every value of the view, as text. A few only one format shows: the page's score table and blockers
     * (in Markdown, the scores are in their sections and the blockers in the deployment role's), and the page
     * names the project's kind with the findings it was judged by.
     */
    private static List<String> expected(ReportView view, boolean page) {
        List<String> values = new ArrayList<>(List.of(view.header().projectName(), view.header().status()));
        if (view.header().scanId() != null) {
            values.add(view.header().scanId());
        }
        if (page) {
            view.scores().forEach(score -> values.addAll(List.of(score.label(), score.shown())));
            view.blockers().forEach(blocker -> values.add(blocker.issue()));
        }
        if (view.staticScores() != null) {
            if (!page || !view.staticScores().findings().isEmpty()) {
                values.add(view.staticScores().kind());
            }
            view.staticScores().findings().forEach(f -> values.addAll(List.of(f.score(), f.signal(), f.points(), f.detail())));
        }
        if (view.insights() != null) {
            values.addAll(view.insights().priorities());
            if (view.insights().overallAssessment() != null) {
                values.add(view.insights().overallAssessment().lines().findFirst().orElseThrow().strip());
            }
        }
        if (view.metadata() != null) {
            values.addAll(List.of(view.metadata().cost(), view.metadata().tokens(), view.metadata().totalTime(),
                    view.metadata().models()));
        }
        Stream.concat(view.roleSections().stream(), view.otherSections().stream()).forEach(section -> {
            values.add(section.label());
            texts(section.content(), values);
        });
        if (view.absentRoles() != null) {
            view.absentRoles().failed().forEach(failed -> values.add(failed.role()
                    + (failed.reason() == null ? " failed" : " failed: " + failed.reason())));
            view.absentRoles().missing().forEach(role -> values.add(role + " did not answer before the deadline"));
        }
        return values;
    }

    private static void texts(FieldValue value, List<String> values) {
        switch (value) {
            case null -> { }
            case FieldValue.Text text -> values.add(text.severity() == null ? text.text() : text.severity().shown());
            case FieldValue.Items items -> items.items().forEach(item -> texts(item, values));
            case FieldValue.Line line -> {
                texts(line.lead(), values);
                line.rest().forEach(field -> texts(field.value(), values));
            }
            case FieldValue.Fields fields -> fields.fields().forEach(field -> {
                values.add(field.label());
                texts(field.value(), values);
            });
            default -> { }
        }
    }

    /** The page as a reader sees it: no tags, entities decoded, whitespace runs as one space. */
    private static String pageText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]+>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    /** The Markdown as a renderer reads it, whitespace runs as one space. */
    private static String markdownText(String markdown) {
        return ModelOutputCannotChangeTheMarkdownReportTest.text(Parser.builder().build().parse(markdown))
                .replaceAll("\\s+", " ");
    }
}
