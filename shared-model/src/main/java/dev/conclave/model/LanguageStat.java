package dev.conclave.model;

/**
 * Files and lines of one language in a project. {@code lines} is every line; code, comment and blank
 * lines split it for languages whose comment syntax the scanner knows (all zero otherwise).
 */
public record LanguageStat(String language, int files, long lines, long codeLines, long commentLines,
        long blankLines) {

    /** A language counted by files and lines only. */
    public LanguageStat(String language, int files, long lines) {
        this(language, files, lines, 0, 0, 0);
    }
}
