package dev.conclave.scanner;

import java.util.List;

/**
 * A language recognised by file extension.
 *
 * @param name        as shown in the digest ("Java", "C++", "YAML")
 * @param programming false for documentation and data formats (Markdown, YAML, JSON, ...), which
 *                    count in the language table but not as source files
 * @param comments    how a line comment and a block comment start, for the comment ratio
 */
record Language(String name, boolean programming, CommentSyntax comments) {

    /**
     * @param linePrefixes a trimmed line starting with one of these is a comment
     * @param blockStart   opens a block comment (null when the language has none)
     * @param blockEnd     closes it
     */
    record CommentSyntax(List<String> linePrefixes, String blockStart, String blockEnd) {

        static final CommentSyntax NONE = new CommentSyntax(List.of(), null, null);
        static final CommentSyntax C_STYLE = new CommentSyntax(List.of("//"), "/*", "*/");
        static final CommentSyntax HASH = new CommentSyntax(List.of("#"), null, null);

        static CommentSyntax lines(String... prefixes) {
            return new CommentSyntax(List.of(prefixes), null, null);
        }

        static CommentSyntax of(List<String> prefixes, String blockStart, String blockEnd) {
            return new CommentSyntax(prefixes, blockStart, blockEnd);
        }
    }
}
