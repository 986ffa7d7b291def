package dev.conclave.scanner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README sections the documentation score looks for, recognised by keywords in headings
 * (not in body text: a README that says "install" in passing has not documented installation).
 */
enum ReadmeSection {
    INSTALL("\\b(?:install|set ?up|getting started|quick ?start|build|prerequisite|requirement)"),
    USAGE("\\b(?:usage|how to use|examples?\\b|running|run\\b|commands?\\b|cli\\b)"),
    CONFIGURATION("\\b(?:config|settings|environment|options|customi[sz])"),
    LICENCE("\\b(?:licen[cs]e|copying)");

    private final Pattern keywords;

    ReadmeSection(String keywords) {
        this.keywords = Pattern.compile(keywords, Pattern.CASE_INSENSITIVE);
    }

    /** The sections whose keywords appear in at least one heading of the README. */
    static Set<ReadmeSection> foundIn(String readme) {
        Set<ReadmeSection> found = EnumSet.noneOf(ReadmeSection.class);
        for (String heading : headings(readme)) {
            for (ReadmeSection section : values()) {
                if (section.keywords.matcher(heading).find()) {
                    found.add(section);
                }
            }
        }
        return found;
    }

    /**
     * Markdown "# Heading" lines, Markdown/reStructuredText underlined headings, and HTML h1-h6.
     * Fenced code blocks are skipped: a shell example's "# install dependencies" is not a heading.
     */
    static List<String> headings(String text) {
        List<String> headings = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher atx = ATX_HEADING.matcher(lines[i]);
            if (atx.matches()) {
                if (atx.group(1) != null) {
                    headings.add(atx.group(1).strip());
                }
            } else if (!line.isEmpty() && i + 1 < lines.length && UNDERLINE.matcher(lines[i + 1].strip()).matches()) {
                headings.add(line);
            }
            Matcher html = HTML_HEADING.matcher(lines[i]);
            while (html.find()) {
                headings.add(html.group(1));
            }
        }
        return headings;
    }

    private static final Pattern ATX_HEADING = Pattern.compile(" {0,3}#{1,6}(?:\\s+(.*))?");
    private static final Pattern UNDERLINE = Pattern.compile("([=\\-~^*+#`'\"])\\1{2,}");
    private static final Pattern HTML_HEADING = Pattern.compile("<h[1-6][^>]*>(.*?)</h[1-6]>", Pattern.CASE_INSENSITIVE);
}
