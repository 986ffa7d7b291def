package dev.conclave.scanner;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a {@code .gitignore} (or {@code .conclaveignore}) file, compiled to a regular
 * expression over paths relative to the folder the file sits in. The syntax is git's
 * (gitignore(5)): {@code #} comments, {@code !} negation, a trailing {@code /} for folders only,
 * a leading or inner {@code /} anchoring the pattern to that folder, {@code *}, {@code ?},
 * {@code [a-z]}, {@code **} across folders, and {@code \} escapes.
 *
 * @param source        the line as written, for messages and debugging
 * @param negated       a {@code !} pattern: a match re-includes the path
 * @param directoryOnly a pattern ending in {@code /}: only folders match
 * @param regex         matched against the whole path relative to the ignore file's folder
 */
record IgnorePattern(String source, boolean negated, boolean directoryOnly, Pattern regex) {

    /** The pattern of one line, or empty for a blank line, a comment, or a line that is only "!" or "/". */
    static Optional<IgnorePattern> parse(String line) {
        String text = stripTrailingSpaces(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        boolean negated = text.startsWith("!");
        if (negated) {
            text = text.substring(1);
        } else if (text.startsWith("\\!") || text.startsWith("\\#")) {
            text = text.substring(1);
        }
        boolean directoryOnly = text.endsWith("/") && !text.endsWith("\\/");
        if (directoryOnly) {
            text = text.substring(0, text.length() - 1);
        }
        // A slash anywhere but at the end ties the pattern to the ignore file's folder; otherwise it names
        // a file or folder at any depth below it.
        boolean anchored = text.contains("/");
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String body = globToRegex(text);
        String regex = anchored ? body : "(?:.*/)?" + body;
        return Optional.of(new IgnorePattern(line, negated, directoryOnly, Pattern.compile(regex, Pattern.DOTALL)));
    }

    /** True when this pattern speaks about the path (whether to ignore or to re-include it). */
    boolean matches(String relativePath, boolean directory) {
        return (directory || !directoryOnly) && regex.matcher(relativePath).matches();
    }

    /** Trailing spaces are dropped unless the last one is escaped with a backslash, as git does. */
    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ' && !(end > 1 && text.charAt(end - 2) == '\\')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int length = glob.length();
        while (i < length) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < length && glob.charAt(i + 1) == '*'
                    && (i == 0 || glob.charAt(i - 1) == '/')
                    && (i + 2 == length || glob.charAt(i + 2) == '/')) {
                // "**" as a whole segment: leading "**/" and inner "/**/" match zero or more folders,
                // trailing "/**" everything inside.
                if (i + 2 == length) {
                    regex.append(".*");
                    i += 2;
                } else {
                    regex.append("(?:.*/)?");
                    i += 3;
                }
            } else if (c == '*') {
                // Any other run of asterisks is a plain "*", which never crosses a folder.
                while (i < length && glob.charAt(i) == '*') {
                    i++;
                }
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = classEnd(glob, i);
                if (close < 0) {
                    regex.append("\\[");
                    i++;
                } else {
                    regex.append(characterClass(glob.substring(i + 1, close)));
                    i = close + 1;
                }
            } else if (c == '\\' && i + 1 < length) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1 when it is not closed. */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a ']' right after the opening is a member, not the end
        }
        while (i < glob.length() && glob.charAt(i) != ']') {
            i++;
        }
        return i < glob.length() ? i : -1;
    }

    private static String characterClass(String members) {
        StringBuilder regex = new StringBuilder("[");
        int i = 0;
        if (!members.isEmpty() && (members.charAt(0) == '!' || members.charAt(0) == '^')) {
            regex.append("^/"); // like every glob wildcard, a negated class never matches a folder separator
            i++;
        }
        for (; i < members.length(); i++) {
            char c = members.charAt(i);
            // Ranges keep their '-'; everything else regex-special is escaped.
            if (c == '-' && i > 0 && i < members.length() - 1) {
                regex.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                regex.append('\\').append(c);
            }
        }
        return regex.append(']').toString();
    }
}
