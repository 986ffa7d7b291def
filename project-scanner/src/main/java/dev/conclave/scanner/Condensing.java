package dev.conclave.scanner;

/**
 * How context compression condenses one kind of file: the last column of the {@link Languages} table.
 *
 * @param kind   how the file is condensed
 * @param syntax its comments and strings; for {@link Kind#LINE_CONFIG} only the line-comment markers count,
 *               for {@link Kind#MARKUP} and {@link Kind#MARKDOWN} only the block comments
 */
public record Condensing(Kind kind, LineSyntax syntax) {

    public enum Kind {
        /** Comments stripped by the {@link Lexer}, which knows the language's strings. */
        CODE,
        /** Only whole-line comments stripped; values may legitimately contain '#' ({@code color=#fff}). */
        LINE_CONFIG,
        /** JSON, XML: comments (XML only) and indentation stripped; nothing else has meaning to lose. */
        MARKUP,
        MARKDOWN,
        /** Unknown text: whitespace only. */
        PLAIN
    }

    static final Condensing PLAIN = new Condensing(Kind.PLAIN, LineSyntax.PLAIN);
}
