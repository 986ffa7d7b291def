package dev.conclave.scanner.compress;

import java.util.List;
import java.util.regex.Matcher;
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

    private static final Pattern HEREDOC = Pattern.compile("<<[-~]?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");

    private static final Pattern YAML_BLOCK_SCALAR = Pattern.compile(".*[:\\-]\\s*[|>][-+0-9]*\\s*(?:#.*)?");

    static String strip(String text, Syntax syntax) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        String stripped = switch (syntax.kind()) {
            case CODE -> stripCode(unified, syntax);
            case LINE_CONFIG -> stripWholeLineComments(unified, syntax);
            case MARKUP -> stripIndentation(syntax.blockStart() == null ? unified : stripBlocks(unified, syntax));
            case MARKDOWN -> stripBlocks(unified, syntax);
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

    private static String stripCode(String text, Syntax syntax) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            String triple = tripleAt(text, i, syntax.tripleQuotes());
            if (triple != null) {
                int end = text.indexOf(triple, i + 3);
                end = end < 0 ? length : end + 3;
                out.append(text, i, end);
                i = end;
            } else if (syntax.quotes().indexOf(c) >= 0) {
                int end = stringEnd(text, i, syntax.multiLineQuotes().indexOf(c) >= 0);
                out.append(text, i, end);
                i = end;
            } else if (syntax.isShell() && c == '<' && text.startsWith("<<", i) && heredocEnd(text, i) > i) {
                int end = heredocEnd(text, i);
                out.append(text, i, end);
                i = end;
            } else if (syntax.blockStart() != null && text.startsWith(syntax.blockStart(), i)) {
                int end = text.indexOf(syntax.blockEnd(), i + syntax.blockStart().length());
                end = end < 0 ? length : end + syntax.blockEnd().length();
                // a/* note */b must not become ab
                if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1)) && end < length
                        && !Character.isWhitespace(text.charAt(end))) {
                    out.append(' ');
                }
                out.append(REMOVED);
                i = end;
            } else if (lineCommentAt(text, i, syntax)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? length : end;
                String comment = text.substring(i, end);
                out.append(DIRECTIVE.matcher(comment).matches() ? comment : String.valueOf(REMOVED));
                i = end;
            } else if (c == '\\' && i + 1 < length) {
                // Outside strings a backslash escapes regex characters (/https?:\/\//): \/ is never half of //.
                out.append(text, i, i + 2);
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String tripleAt(String text, int i, List<String> triples) {
        for (String triple : triples) {
            if (text.startsWith(triple, i)) {
                return triple;
            }
        }
        return null;
    }

    /** The index after the closing quote; a single-line string left open ends at the end of its line. */
    private static int stringEnd(String text, int start, boolean multiLine) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            if (c == '\n' && !multiLine) {
                return i;
            }
            i++;
        }
        return text.length();
    }

    /** The end of a heredoc opened at {@code i} (its terminator line included), or -1 when there is none. */
    private static int heredocEnd(String text, int i) {
        Matcher matcher = HEREDOC.matcher(text).region(i, text.length());
        if (!matcher.lookingAt()) {
            return -1;
        }
        String terminator = matcher.group(1);
        int lineEnd = text.indexOf('\n', i);
        while (lineEnd >= 0) {
            int next = text.indexOf('\n', lineEnd + 1);
            String line = text.substring(lineEnd + 1, next < 0 ? text.length() : next);
            if (line.strip().equals(terminator)) {
                return next < 0 ? text.length() : next;
            }
            lineEnd = next;
        }
        return text.length();
    }

    private static boolean lineCommentAt(String text, int i, Syntax syntax) {
        for (String prefix : syntax.lineComments()) {
            if (text.startsWith(prefix, i)) {
                // '#' starts a comment only at a word boundary: $#, ${#list[@]} and url#anchor are code.
                return !prefix.equals("#") || i == 0 || Character.isWhitespace(text.charAt(i - 1));
            }
        }
        return false;
    }

    /**
     * Whole-line comments only, outside YAML block scalars ({@code script: |}), whose lines are text.
     * A first-line shebang and parser directives ({@code # syntax=docker/dockerfile:1}) stay.
     */
    private static String stripWholeLineComments(String text, Syntax syntax) {
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

    /** XML and HTML comments, Markdown's hidden notes. */
    private static String stripBlocks(String text, Syntax syntax) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (true) {
            int start = text.indexOf(syntax.blockStart(), i);
            if (start < 0) {
                return out.append(text, i, text.length()).toString();
            }
            int end = text.indexOf(syntax.blockEnd(), start + syntax.blockStart().length());
            out.append(text, i, start).append(REMOVED);
            if (end < 0) {
                return out.toString();
            }
            i = end + syntax.blockEnd().length();
        }
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
