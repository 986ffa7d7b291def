package dev.conclave.scanner;

import dev.conclave.scanner.LineSyntax.Delimited;
import dev.conclave.scanner.LineSyntax.Quoted;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one lexer behind both the line counts ({@link LineClassifier}) and comment stripping in context
 * compression ({@code compress.CommentStripper}): it marks every character of a text as code, part of a
 * string literal or part of a comment, by the rules of a {@link LineSyntax}. Each caller then reads the
 * marks its own way: the classifier line by line, the stripper comment by comment.
 */
public final class Lexer {

    /** Code outside strings and comments; white space too, and every newline. */
    public static final byte CODE = 0;
    /** A string literal's opening delimiter. */
    public static final byte OPEN = 1;
    /** A string literal's contents, escapes included, or a whole heredoc. */
    public static final byte BODY = 2;
    /** A string literal's closing delimiter. */
    public static final byte CLOSE = 3;
    /** A comment running to the end of its line (the newline is not part of it). */
    public static final byte LINE_COMMENT = 4;
    /** A block comment or a docstring, delimiters included. */
    public static final byte BLOCK_COMMENT = 5;
    /** Set on the first character of each comment, so that two adjacent comments stay two. */
    public static final byte START = 8;

    /**
     * How backslashes read. The two callers have always differed here, and each keeps its output.
     */
    public enum Backslash {
        /**
         * As cloc and tokei count lines: an escape acts only inside a string and never past the end of
         * its line.
         */
        LINE_COUNTING,
        /**
         * As a compiler reads them: outside strings a backslash escapes the next character
         * ({@code /https?:\/\//} holds no {@code //}), and inside a string it may escape the newline.
         */
        COMPILER
    }

    private static final Pattern HEREDOC = Pattern.compile("<<[-~]?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");

    /** One mark per character of {@code text}: a kind, with {@link #START} on a comment's first character. */
    public static byte[] marks(String text, LineSyntax syntax, Backslash backslash) {
        int length = text.length();
        byte[] marks = new byte[length];
        // Whether the current line holds code or a string so far: a docstring only opens a line.
        boolean lineHasCode = false;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineHasCode = false;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Delimited doc = lineHasCode ? null : startsWithAny(text, i, syntax.docStrings());
            if (doc != null) {
                int end = text.indexOf(doc.close(), i + doc.open().length());
                end = end < 0 ? length : end + doc.close().length();
                lineHasCode &= !mark(marks, text, i, end, BLOCK_COMMENT);
                i = end;
                continue;
            }
            Delimited block = startsWithAny(text, i, syntax.blockComments());
            if (block != null) {
                int end = blockEnd(text, i, block, syntax);
                lineHasCode &= !mark(marks, text, i, end, BLOCK_COMMENT);
                i = end;
                continue;
            }
            if (opensLineComment(text, i, syntax)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? length : end;
                mark(marks, text, i, end, LINE_COMMENT);
                i = end;
                continue;
            }
            Quoted quoted = startsWithAny(text, i, syntax.strings(), Quoted::open);
            if (quoted != null) {
                // Its last line holds at least the closing quote, or it ended at a newline, which resets this.
                i = string(marks, text, i, quoted, backslash);
                lineHasCode = true;
                continue;
            }
            int heredoc = syntax.heredocs() && text.startsWith("<<", i) ? heredocEnd(text, i) : -1;
            if (heredoc > i) {
                mark(marks, text, i, heredoc, BODY);
                lineHasCode = true;
                i = heredoc;
                continue;
            }
            lineHasCode = true;
            if (backslash == Backslash.COMPILER && c == '\\' && i + 1 < length) {
                lineHasCode = text.charAt(i + 1) != '\n';
                i += 2;
                continue;
            }
            i++;
        }
        return marks;
    }

    /** Marks {@code [start, end)} as {@code kind}, the first character as a start; whether it spans a newline. */
    private static boolean mark(byte[] marks, String text, int start, int end, byte kind) {
        boolean newline = false;
        for (int i = start; i < end; i++) {
            marks[i] = kind;
            newline |= text.charAt(i) == '\n';
        }
        if (kind == LINE_COMMENT || kind == BLOCK_COMMENT) {
            marks[start] |= START;
        }
        return newline;
    }

    /** The index after a block comment opened at {@code start}: the end of the text when it never closes. */
    private static int blockEnd(String text, int start, Delimited block, LineSyntax syntax) {
        int depth = 1;
        int i = start + block.open().length();
        while (i < text.length()) {
            Delimited nested = syntax.nestedBlocks() ? startsWithAny(text, i, syntax.blockComments()) : null;
            if (nested != null) {
                depth++;
                i += nested.open().length();
            } else if (text.startsWith(block.close(), i)) {
                i += block.close().length();
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /**
     * Marks a string literal opened at {@code start} and returns the index after it. A single-line literal
     * left open ends before its line's newline, so an odd apostrophe cannot hide the rest of a file.
     */
    private static int string(byte[] marks, String text, int start, Quoted quoted, Backslash backslash) {
        int length = text.length();
        int i = start + quoted.open().length();
        fill(marks, start, i, OPEN);
        while (i < length) {
            char c = text.charAt(i);
            if (quoted.escape() != 0 && c == quoted.escape()) {
                boolean keepsNewline = backslash == Backslash.LINE_COUNTING && i + 1 < length
                        && text.charAt(i + 1) == '\n';
                int next = Math.min(length, keepsNewline ? i + 1 : i + 2);
                fill(marks, i, next, BODY);
                i = next;
            } else if (text.startsWith(quoted.close(), i)) {
                int end = i + quoted.close().length();
                fill(marks, i, end, CLOSE);
                return end;
            } else if (c == '\n' && !quoted.multiline()) {
                return i;
            } else {
                marks[i] = BODY;
                i++;
            }
        }
        return length;
    }

    private static void fill(byte[] marks, int start, int end, byte kind) {
        for (int i = start; i < end; i++) {
            marks[i] = kind;
        }
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

    private static boolean opensLineComment(String text, int i, LineSyntax syntax) {
        if (syntax.commentNeedsSpace() && i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            return false;
        }
        return startsWithAny(text, i, syntax.lineComments(), marker -> marker) != null;
    }

    private static Delimited startsWithAny(String text, int i, List<Delimited> delimiters) {
        return startsWithAny(text, i, delimiters, Delimited::open);
    }

    private static <T> T startsWithAny(String text, int i, List<T> candidates,
            java.util.function.Function<T, String> opening) {
        for (T candidate : candidates) {
            if (text.startsWith(opening.apply(candidate), i)) {
                return candidate;
            }
        }
        return null;
    }

    private Lexer() {
    }
}
