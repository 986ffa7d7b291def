package dev.conclave.scanner;

/**
 * One file of a project sent as text (for example uploaded over HTTP).
 *
 * @param path    project-relative, with '/' separators, e.g. {@code src/main.py}
 * @param content the file's text
 */
public record ProjectFile(String path, String content) {

    public ProjectFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a project file needs a non-blank path");
        }
        if (content == null) {
            throw new IllegalArgumentException("project file " + path + " has no content (null); send \"\" for an empty file");
        }
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("project file path " + path
                    + " is absolute; paths must be relative to the project root, e.g. src/main.py");
        }
        // Empty, "." and ".." segments would let two spellings name one file or a file escape the project.
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("project file path " + path
                        + " has an empty, '.' or '..' segment; use a normalised relative path such as src/main.py");
            }
        }
    }
}
