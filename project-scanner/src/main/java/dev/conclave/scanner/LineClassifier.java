package dev.conclave.scanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorts a file's lines into code, comment and blank, the way cloc and tokei do: a blank line holds
 * only white space; a line with any code outside comments is code, even with a trailing comment; the
 * rest are comment lines. The {@link Lexer} tracks block comments, docstrings and string literals across
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

    static ClassifiedLines classify(String text, LineSyntax syntax) {
        if (text.isEmpty()) {
            return ClassifiedLines.NONE;
        }
        byte[] marks = Lexer.marks(text, syntax, Lexer.Backslash.LINE_COUNTING);
        long code = 0;
        long comment = 0;
        long blank = 0;
        List<String> codeText = new ArrayList<>();
        // A final newline ends the last line; it does not start another (as TextStats.countLines counts).
        int end = text.charAt(text.length() - 1) == '\n' ? text.length() - 1 : text.length();
        int lineStart = 0;
        while (lineStart <= end) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            boolean hasCode = false;
            boolean hasComment = false;
            boolean blankLine = true;
            StringBuilder lineCode = new StringBuilder();
            for (int i = lineStart; i < lineEnd; i++) {
                char c = text.charAt(i);
                boolean white = Character.isWhitespace(c);
                blankLine &= white;
                switch (marks[i] & ~Lexer.START) {
                    case Lexer.CODE -> {
                        hasCode |= !white;
                        lineCode.append(white ? ' ' : c);
                    }
                    // A string's delimiters stay in the code, its contents go: literals move no signal.
                    case Lexer.OPEN, Lexer.CLOSE -> {
                        hasCode = true;
                        lineCode.append(c);
                    }
                    case Lexer.BODY -> hasCode = true;
                    default -> hasComment |= !white;
                }
            }
            if (blankLine) {
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

    private LineClassifier() {
    }
}
