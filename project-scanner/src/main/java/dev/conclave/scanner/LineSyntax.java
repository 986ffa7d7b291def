package dev.conclave.scanner;

import java.util.List;

/**
 * What the {@link Lexer} needs to know about a language's text: how comments start and end and how
 * string literals are quoted, so that {@code "http://x"} or {@code "/*"} inside a string is not taken
 * for a comment. Public because context compression ({@code compress}) lexes with it too.
 *
 * @param lineComments      a comment runs from one of these to the end of the line
 * @param blockComments     comments with an opening and a closing delimiter
 * @param nestedBlocks      block comments nest (Rust, Kotlin, Swift, Haskell, ...)
 * @param docStrings        Python's triple-quoted strings: a comment when nothing else precedes them on
 *                          their line (a docstring), a string otherwise
 * @param strings           string and character literals, longest opening first
 * @param commentNeedsSpace a line-comment marker counts only at the start of a line or after white space
 *                          (Shell, YAML: {@code $#} and {@code a#b} are not comments)
 * @param heredocs          {@code <<EOF} ... {@code EOF} is a literal (shell)
 */
public record LineSyntax(
        List<String> lineComments,
        List<Delimited> blockComments,
        boolean nestedBlocks,
        List<Delimited> docStrings,
        List<Quoted> strings,
        boolean commentNeedsSpace,
        boolean heredocs) {

    LineSyntax(List<String> lineComments, List<Delimited> blockComments, boolean nestedBlocks,
            List<Delimited> docStrings, List<Quoted> strings, boolean commentNeedsSpace) {
        this(lineComments, blockComments, nestedBlocks, docStrings, strings, commentNeedsSpace, false);
    }

    /** A comment or docstring between {@code open} and {@code close}. */
    public record Delimited(String open, String close) {
    }

    /**
     * A string literal.
     *
     * @param escape    the escape character ({@code \}), or 0 when the literal has none (Go raw strings)
     * @param multiline whether the literal may span lines; a single-line literal left open ends at the
     *                  end of its line, which keeps an apostrophe in odd places from hiding the rest of a file
     */
    public record Quoted(String open, String close, char escape, boolean multiline) {
    }

    /** No comments and no strings: every non-blank line is code (JSON). */
    static final LineSyntax PLAIN = new LineSyntax(List.of(), List.of(), false, List.of(), List.of(), false);

    static final Quoted DOUBLE_QUOTED = new Quoted("\"", "\"", '\\', false);
    static final Quoted SINGLE_QUOTED = new Quoted("'", "'", '\\', false);
    static final Delimited C_BLOCK = new Delimited("/*", "*/");
    static final Delimited MARKUP_BLOCK = new Delimited("<!--", "-->");

    /** Java, C, C++, C#, JavaScript, Go and friends: // and /* *&#47;, double and single quotes. */
    static LineSyntax cStyle(Quoted... extraStrings) {
        return new LineSyntax(List.of("//"), List.of(C_BLOCK), false, List.of(), strings(extraStrings), false);
    }

    /** Like {@link #cStyle} with nesting block comments (Rust, Kotlin, Scala, Swift, Dart). */
    static LineSyntax cStyleNested(Quoted... extraStrings) {
        return new LineSyntax(List.of("//"), List.of(C_BLOCK), true, List.of(), strings(extraStrings), false);
    }

    /** '#' comments with quoted strings (Perl, R, Elixir, Ruby without =begin, ...). */
    static LineSyntax hash() {
        return new LineSyntax(List.of("#"), List.of(), false, List.of(), List.of(DOUBLE_QUOTED, SINGLE_QUOTED), false);
    }

    /** Markup: only &lt;!-- --&gt; comments; prose apostrophes must not open strings. */
    static LineSyntax markup() {
        return new LineSyntax(List.of(), List.of(MARKUP_BLOCK), false, List.of(), List.of(), false);
    }

    /** Extra literals (text blocks, template strings) come first, so """ is seen before ". */
    private static List<Quoted> strings(Quoted... extraStrings) {
        List<Quoted> all = new java.util.ArrayList<>(List.of(extraStrings));
        all.add(DOUBLE_QUOTED);
        all.add(SINGLE_QUOTED);
        return List.copyOf(all);
    }
}
