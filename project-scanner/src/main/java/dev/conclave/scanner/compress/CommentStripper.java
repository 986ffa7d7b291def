package dev.conclave.scanner.compress;

import dev.conclave.scanner.Condensing;
import dev.conclave.scanner.Lexer;
import dev.conclave.scanner.LineSyntax;
import java.util.regex.Pattern;

/**
 * Removes comments and wasted whitespace from one file. A comment is only removed where the lexer is sure
 * it is one: text inside a string, a heredoc or a YAML block scalar is copied as it is, and when a line
 * confuses the lexer (an unclosed quote) the rest of that line is kept, never dropped.
 */
final class CommentStripper {

    /** Comments that change what the file does or how it is read: kept. */
    private static final Pattern DIRECTIVE = Pattern.compile(
            "#!.*|#\\s*-\\*-.*|#\\s*(?:type|noqa|pragma|syntax|escape)[:=].*|//go:.*|//\\s*\\+build.*|///\\s*<reference.*"
                    + "|//\\s*@ts-.*|//\\s*eslint-.*|//\\s*#(?:region|endregion).*");

    private static final Pattern YAML_BLOCK_SCALAR = Pattern.compile(".*[:\\-]\\s*[|>][-+0-9]*\\s*(?:#.*)?");

    static String strip(String text, Condensing condensing) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        LineSyntax syntax = condensing.syntax();
        String stripped = switch (condensing.kind()) {
            case CODE -> removeComments(unified, syntax, Lexer.Backslash.COMPILER, true);
            case LINE_CONFIG -> stripWholeLineComments(unified, syntax);
            // XML and HTML comments, Markdown's hidden notes: no strings, and backslashes mean nothing.
            case MARKUP -> stripIndentation(removeComments(unified, syntax, Lexer.Backslash.LINE_COUNTING, false));
            case MARKDOWN -> removeComments(unified, syntax, Lexer.Backslash.LINE_COUNTING, false);
            case PLAIN -> unified;
        };
        return tidyLines(stripped);
    }

    /**
     * Left where a comment was removed, so that a line that held nothing else disappears instead of
     * becoming a blank line; a NUL never occurs in the text files a digest quotes.
     */
    private static final char REMOVED = '\u0000';

    /**
     * Lines that held only comments gone, trailing whitespace gone, runs of blank lines down to one, no
     * blank lines at either end.
     */
    static String tidyLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean previousBlank = true;
        for (String line : text.split("\n", -1)) {
            boolean hadComment = line.indexOf(REMOVED) >= 0;
            String trimmed = (hadComment ? line.replace(String.valueOf(REMOVED), "") : line).stripTrailing();
            boolean blank = trimmed.isEmpty();
            if (blank && hadComment) {
                continue;
            }
            if (blank && previousBlank) {
                continue;
            }
            out.append(trimmed).append('\n');
            previousBlank = blank;
        }
        while (out.length() > 0 && (out.charAt(out.length() - 1) == '\n')) {
            out.setLength(out.length() - 1);
        }
        return out.append('\n').toString();
    }

    /**
     * Copies everything the {@link Lexer} did not mark as a comment. A removed line comment that is a directive
     * stays; with {@code spaced}, a block comment between two words leaves a space ({@code a/* note *&#47;b}
     * must not become {@code ab}).
     */
    private static String removeComments(String text, LineSyntax syntax, Lexer.Backslash backslash, boolean spaced) {
        byte[] marks = Lexer.marks(text, syntax, backslash);
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        int i = 0;
        while (i < length) {
            byte kind = (byte) (marks[i] & ~Lexer.START);
            if (kind != Lexer.LINE_COMMENT && kind != Lexer.BLOCK_COMMENT) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int end = i + 1;
            while (end < length && marks[end] == kind) {
                end++;
            }
            if (kind == Lexer.LINE_COMMENT) {
                String comment = text.substring(i, end);
                out.append(DIRECTIVE.matcher(comment).matches() ? comment : String.valueOf(REMOVED));
            } else {
                if (spaced && out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))
                        && end < length && !Character.isWhitespace(text.charAt(end))) {
                    out.append(' ');
                }
                out.append(REMOVED);
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * Whole-line comments only, outside YAML block scalars ({@code script: |}), whose lines are text.
     * A first-line shebang and parser directives ({@code # syntax=docker/dockerfile:1}) stay.
     */
    private static String stripWholeLineComments(String text, LineSyntax syntax) {
        StringBuilder out = new StringBuilder(text.length());
        int scalarIndent = -1;
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (scalarIndent >= 0 && (trimmed.isEmpty() || indent > scalarIndent)) {
                out.append(line).append('\n');
                continue;
            }
            scalarIndent = YAML_BLOCK_SCALAR.matcher(line).matches() ? indent : -1;
            boolean comment = syntax.lineComments().stream().anyMatch(trimmed::startsWith);
            if (!comment || (first && trimmed.startsWith("#!")) || DIRECTIVE.matcher(trimmed).matches()) {
                out.append(line).append('\n');
            }
            first = false;
        }
        return out.toString();
    }

    /** JSON and XML mean the same without indentation, which costs a model about a token a line. */
    private static String stripIndentation(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(line.strip()).append('\n');
        }
        return out.toString();
    }

    private CommentStripper() {
    }
}
