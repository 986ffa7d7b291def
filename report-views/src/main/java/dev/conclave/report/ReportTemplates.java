package dev.conclave.report;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.UserTagSectionHelper;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The report's two formats, Qute templates over one {@link ReportView}: {@code templates/report/page.html}
 * (one self-contained page: CSS inline, charts as inline SVG, no script, and a Content-Security-Policy that
 * forbids loading anything) and {@code templates/report/report.md}. The engine is Qute as a plain library
 * (no CDI), built once; rendering is thread-safe.
 *
 * <p>Escaping is the engine's, by the template's format, so a template cannot forget it: every text in an
 * {@code .html} template is HTML-escaped (quotes too, so it may sit in an attribute), every text in an
 * {@code .md} template goes through {@link MarkdownText#inline}, so model output cannot add a link, an
 * image, HTML or structure to the document. Markdown places that need another rule say so:
 * {@code {text.cell}} in a table cell, {@code {text.codeCell}} for a path or an id, {@code {text.paragraphs}}
 * for prose that keeps its line breaks.
 */
public final class ReportTemplates {

    /** No scripts, no fetches, no fonts or images from anywhere: only the inline style. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String ROOT = "templates/";
    private static final String MARKDOWN = "text/markdown";

    private final Template html;
    private final Template markdown;

    public ReportTemplates() {
        Engine engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addValueResolver(ValueResolvers.plusResolver())
                .addValueResolver(markdown("cell", MarkdownText::cell))
                .addValueResolver(markdown("codeCell", MarkdownText::codeCell))
                .addValueResolver(markdown("paragraphs", MarkdownText::paragraphs))
                .addValueResolver(INDENT)
                .addSectionHelper(new UserTagSectionHelper.Factory("value", "report/tags/value.html"))
                .addSectionHelper(new UserTagSectionHelper.Factory("inlinevalue", "report/tags/inline.html"))
                .addSectionHelper(new UserTagSectionHelper.Factory("radar", "report/tags/radar.html"))
                .addSectionHelper(new UserTagSectionHelper.Factory("bars", "report/tags/bars.html"))
                .addSectionHelper(new UserTagSectionHelper.Factory("mdfields", "report/tags/fields.md"))
                .addSectionHelper(new UserTagSectionHelper.Factory("mdvalue", "report/tags/value.md"))
                .addSectionHelper(new UserTagSectionHelper.Factory("mdinline", "report/tags/inline.md"))
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addResultMapper(new MarkdownEscaper())
                .addLocator(ReportTemplates::locate)
                .removeStandaloneLines(true)
                .strictRendering(true)
                .build();
        html = engine.getTemplate("report/page.html");
        markdown = engine.getTemplate("report/report.md");
    }

    /** The report as one self-contained HTML page. */
    public String html(ReportView view) {
        return html.data("view", view).data("csp", new RawString(CONTENT_SECURITY_POLICY)).render();
    }

    /** The report as Markdown, for people to read, share or commit. */
    public String markdown(ReportView view) {
        return markdown.data("view", view).render().stripTrailing() + "\n";
    }

    /** {@code {depth.indent}}: two spaces a level, how far a nested Markdown list is indented. */
    private static final ValueResolver INDENT = ValueResolver.builder()
            .appliesTo(context -> context.getBase() instanceof Integer && context.getName().equals("indent"))
            .resolveSync(context -> new RawString("  ".repeat((Integer) context.getBase())))
            .build();

    /** {@code {text.name}} in a Markdown template: the text escaped by another of {@link MarkdownText}'s rules. */
    private static ValueResolver markdown(String name, UnaryOperator<String> rule) {
        return ValueResolver.builder()
                .appliesTo(context -> context.getBase() instanceof String && context.getName().equals(name))
                .resolveSync(context -> new RawString(rule.apply((String) context.getBase())))
                .build();
    }

    /** Every text written by a Markdown template, unless it is already escaped (a {@link RawString}). */
    private static final class MarkdownEscaper implements ResultMapper {
        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return result instanceof String && origin.getVariant()
                    .filter(variant -> MARKDOWN.equals(variant.getContentType())).isPresent();
        }

        @Override
        public String map(Object result, io.quarkus.qute.Expression expression) {
            return MarkdownText.inline((String) result);
        }
    }

    /** Templates are resources of this module, their format read from the file's extension. */
    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        ClassLoader loader = ReportTemplates.class.getClassLoader();
        if (loader.getResource(ROOT + id) == null) {
            return Optional.empty();
        }
        Variant variant = Variant.forContentType(id.endsWith(".md") ? MARKDOWN : Variant.TEXT_HTML);
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                InputStream in = loader.getResourceAsStream(ROOT + id);
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }
}
