package dev.conclave.scanner;

/**
 * A language recognised by file extension.
 *
 * @param name        as shown in the digest ("Java", "C++", "YAML")
 * @param programming false for documentation and data formats (Markdown, YAML, JSON, ...), which
 *                    count in the language table but not as source files
 * @param syntax      comments and string literals, for splitting lines into code, comment and blank
 */
record Language(String name, boolean programming, LineSyntax syntax) {
}
