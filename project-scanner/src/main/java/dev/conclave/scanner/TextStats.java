package dev.conclave.scanner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting inside a file's text: lines and TODO markers (code and comment lines: {@link LineClassifier}). */
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
