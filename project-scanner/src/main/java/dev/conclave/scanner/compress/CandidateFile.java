package dev.conclave.scanner.compress;

/**
 * A file the digest might quote, already redacted.
 *
 * @param path project-relative, '/' separated; its extension picks the comment syntax
 * @param text the file's text
 * @param part decides its place in the budget
 */
public record CandidateFile(String path, String text, ContextPart part) {

    public CandidateFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a candidate file needs a non-blank path");
        }
        if (part == null) {
            throw new IllegalArgumentException("candidate file " + path + " has no part; use ContextPart.OTHER");
        }
        text = text == null ? "" : text;
    }

    int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
