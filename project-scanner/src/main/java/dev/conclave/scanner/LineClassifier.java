package dev.conclave.scanner;

import dev.conclave.scanner.LineSyntax.Delimited;
import dev.conclave.scanner.LineSyntax.Quoted;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts a file's lines into code, comment and blank, the way cloc and tokei do: a blank line holds
 * only white space; a line with any code outside comments is code, even with a trailing comment; the
 * rest are comment lines. A small lexer tracks block comments, docstrings and string literals across
 * lines, so comment markers inside strings are not comments and code after a closed block comment counts.
 *
 * <p>It also keeps each code line's code with comments removed and string contents emptied, which is
 * what the complexity and duplication signals read, so that neither is moved by comments or literals.
 */
final class LineClassifier {

    /**
     * @param code the code lines' code, stripped, without comments, string contents emptied
     */
    record ClassifiedLines(long codeLines, long commentLines, long blankLines, List<String> code) {

        static final ClassifiedLines NONE = new ClassifiedLines(0, 0, 0, List.of());

        long lines() {
            return codeLines + commentLines + blankLines;
        }
    }

    private enum State { CODE, BLOCK_COMMENT, DOCSTRING, STRING }

    static ClassifiedLines classify(String text, LineSyntax syntax) {
        if (text.isEmpty()) {
            return ClassifiedLines.NONE;
        }
        long code = 0;
        long comment = 0;
        long blank = 0;
        List<String> codeText = new ArrayList<>();
        State state = State.CODE;
        int depth = 0;
        String close = null;
        Quoted quote = null;
        // A final newline ends the last line; it does not start another (as TextStats.countLines counts).
        int end = text.charAt(text.length() - 1) == '\n' ? text.length() - 1 : text.length();
        int lineStart = 0;
        while (lineStart <= end) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            String line = text.substring(lineStart, lineEnd);
            boolean hasCode = false;
            boolean hasComment = false;
            StringBuilder lineCode = new StringBuilder();
            int i = 0;
            scan:
            while (i < line.length()) {
                char c = line.charAt(i);
                switch (state) {
                    case BLOCK_COMMENT -> {
                        if (syntax.nestedBlocks() && opensBlock(line, i, syntax) != null) {
                            depth++;
                            i += opensBlock(line, i, syntax).open().length();
                        } else if (line.startsWith(close, i)) {
                            i += close.length();
                            if (--depth == 0) {
                                state = State.CODE;
                            }
                        } else {
                            i++;
                        }
                        hasComment |= !Character.isWhitespace(c);
                    }
                    case DOCSTRING -> {
                        if (line.startsWith(close, i)) {
                            i += close.length();
                            state = State.CODE;
                        } else {
                            i++;
                        }
                        hasComment |= !Character.isWhitespace(c);
                    }
                    case STRING -> {
                        hasCode = true;
                        if (quote.escape() != 0 && c == quote.escape()) {
                            i += 2;
                        } else if (line.startsWith(quote.close(), i)) {
                            lineCode.append(quote.close());
                            i += quote.close().length();
                            state = State.CODE;
                        } else {
                            i++;
                        }
                    }
                    case CODE -> {
                        if (Character.isWhitespace(c)) {
                            lineCode.append(' ');
                            i++;
                            continue;
                        }
                        Delimited doc = hasCode ? null : startsWithAny(line, i, syntax.docStrings());
                        if (doc != null) {
                            state = State.DOCSTRING;
                            close = doc.close();
                            hasComment = true;
                            i += doc.open().length();
                            continue;
                        }
                        Delimited block = opensBlock(line, i, syntax);
                        if (block != null) {
                            state = State.BLOCK_COMMENT;
                            close = block.close();
                            depth = 1;
                            hasComment = true;
                            i += block.open().length();
                            continue;
                        }
                        if (opensLineComment(line, i, syntax)) {
                            hasComment = true;
                            break scan;
                        }
                        Quoted opened = opensString(line, i, syntax);
                        if (opened != null) {
                            state = State.STRING;
                            quote = opened;
                            hasCode = true;
                            lineCode.append(opened.open());
                            i += opened.open().length();
                            continue;
                        }
                        hasCode = true;
                        lineCode.append(c);
                        i++;
                    }
                }
            }
            if (state == State.STRING && !quote.multiline()) {
                state = State.CODE;
            }
            if (line.isBlank()) {
                blank++;
            } else if (hasCode) {
                code++;
                codeText.add(lineCode.toString().strip());
            } else {
                comment += hasComment ? 1 : 0;
                code += hasComment ? 0 : 1;
            }
            lineStart = lineEnd + 1;
        }
        return new ClassifiedLines(code, comment, blank, codeText);
    }

    private static Delimited opensBlock(String line, int i, LineSyntax syntax) {
        return startsWithAny(line, i, syntax.blockComments());
    }

    private static Delimited startsWithAny(String line, int i, List<Delimited> delimiters) {
        for (Delimited delimited : delimiters) {
            if (line.startsWith(delimited.open(), i)) {
                return delimited;
            }
        }
        return null;
    }

    private static boolean opensLineComment(String line, int i, LineSyntax syntax) {
        if (syntax.commentNeedsSpace() && i > 0 && !Character.isWhitespace(line.charAt(i - 1))) {
            return false;
        }
        for (String marker : syntax.lineComments()) {
            if (line.startsWith(marker, i)) {
                return true;
            }
        }
        return false;
    }

    private static Quoted opensString(String line, int i, LineSyntax syntax) {
        for (Quoted quoted : syntax.strings()) {
            if (line.startsWith(quoted.open(), i)) {
                return quoted;
            }
        }
        return null;
    }

    private LineClassifier() {
    }
}
