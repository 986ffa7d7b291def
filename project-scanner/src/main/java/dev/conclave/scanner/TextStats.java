package dev.conclave.scanner;

import dev.conclave.scanner.Language.CommentSyntax;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting inside a file's text: lines, comment lines, TODO markers. */
final class TextStats {

    private static final Pattern TODO_MARKER = Pattern.compile("\\b(?:TODO|FIXME)\\b");

    /**
     * The number of '\n'-terminated lines, plus one when the text does not end with '\n'.
     * So "" has 0 lines, "a" and "a\n" have 1, "a\nb" has 2.
     */
    static long countLines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long newlines = text.chars().filter(c -> c == '\n').count();
        return text.charAt(text.length() - 1) == '\n' ? newlines : newlines + 1;
    }

    /** Comment and non-blank line counts of one source file. */
    record CommentCount(long commentLines, long nonBlankLines) {
    }

    /**
     * A line-based approximation: a non-blank line is a comment when it starts with a line-comment
     * prefix, opens a block comment, or lies inside one. Code followed by a trailing comment counts
     * as code, which is the conservative side for a documentation score.
     */
    static CommentCount countComments(String text, CommentSyntax syntax) {
        long comments = 0;
        long nonBlank = 0;
        boolean inBlock = false;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            nonBlank++;
            if (inBlock) {
                comments++;
                inBlock = !line.contains(syntax.blockEnd());
            } else if (syntax.linePrefixes().stream().anyMatch(line::startsWith)) {
                comments++;
            } else if (syntax.blockStart() != null && line.startsWith(syntax.blockStart())) {
                comments++;
                String rest = line.substring(syntax.blockStart().length());
                inBlock = !rest.contains(syntax.blockEnd());
            }
        }
        return new CommentCount(comments, nonBlank);
    }

    static int countTodoMarkers(String text) {
        Matcher matcher = TODO_MARKER.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private TextStats() {
    }
}
