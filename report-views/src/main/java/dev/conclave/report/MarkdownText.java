package dev.conclave.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes text for a Markdown report. A report is model output and names from the scanned project, so
 * a hostile answer must not change the document: no HTML element, no link, image or autolink, no
 * heading, list, quote, table cell or code fence of its own. Text reads as it was written; a URL is
 * shown in a code span, whole and not clickable, so a reader sees where it points.
 */
final class MarkdownText {
    /** Backslash-escaped wherever they are (CommonMark escapes any ASCII punctuation). */
    private static final String PUNCTUATION = "\\`*_[]!|~{}";
    /** What starts a block at the beginning of a line: heading, quote, list, setext underline, table. */
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([#>+=-]|\\d{1,9}[.)])");
    /** What GitHub-flavoured Markdown turns into a link by itself. */
    private static final Pattern URL = Pattern.compile("(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\bwww\\.)[^\\s`()<>\\[\\]]+");

    private MarkdownText() {
    }

    /** One line of text, e.g. a list item or a value after a label: line breaks become spaces. */
    static String inline(String text) {
        return text == null ? "" : line(text.strip().replaceAll("\\s*\\R\\s*", " "), false);
    }

    /**
     * A table cell: as {@link #inline}, and a pipe cannot end the cell, even inside a code span. A cell
     * holds no blocks, so "6.5 / 10" keeps its look.
     */
    static String cell(String text) {
        return text == null ? "" : line(text.strip().replaceAll("\\s*\\R\\s*", " "), true);
    }

    /** Paragraphs of text, their line breaks kept; no line can start a block. */
    static String paragraphs(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean blank = false;
        for (String raw : text.strip().split("\\R", -1)) {
            // Leading spaces would make an indented code block; a line break inside a paragraph stays one.
            String line = raw.strip();
            if (line.isEmpty()) {
                blank = true;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank ? "\n\n" : "\n");
            }
            blank = false;
            out.append(line(line, false));
        }
        return out.toString();
    }

    /** A code span in a table cell holding the text as it is, whatever backticks or pipes it has. */
    static String codeCell(String text) {
        return code(text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " "), true);
    }

    private static String line(String raw, boolean inTable) {
        String text = PrintableText.printable(raw).replace('\t', ' ');
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher url = URL.matcher(text);
        int at = 0;
        while (url.find()) {
            out.append(escaped(text.substring(at, url.start()), at == 0 && !inTable));
            out.append(code(url.group(), inTable));
            at = url.end();
        }
        out.append(escaped(text.substring(at), at == 0 && !inTable));
        return out.toString();
    }

    private static String escaped(String text, boolean lineStart) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        Matcher block = BLOCK_START.matcher(text);
        int from = 0;
        if (lineStart && block.find()) {
            String marker = block.group(2);
            out.append(block.group(1)).append(marker, 0, marker.length() - 1).append('\\')
                    .append(marker.charAt(marker.length() - 1));
            from = block.end();
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                out.append("&amp;"); // else "&lt;" written by a model would be shown as "<" after escaping
            } else {
                if (PUNCTUATION.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A fence longer than any run of backticks inside, and spaces where the text would touch it. */
    private static String code(String text, boolean inTable) {
        String content = inTable ? text.replace("|", "\\|") : text;
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = content.isEmpty() || content.startsWith("`") || content.endsWith("`");
        return fence + (pad ? " " : "") + content + (pad ? " " : "") + fence;
    }
}
