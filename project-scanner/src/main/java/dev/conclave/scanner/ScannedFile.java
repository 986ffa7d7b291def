package dev.conclave.scanner;

import java.util.Locale;

/**
 * A file admitted to a scan.
 *
 * @param path      project-relative, '/' separated
 * @param sizeBytes the file's size
 * @param content   its text, or null when it was larger than the per-file read limit
 */
record ScannedFile(String path, long sizeBytes, String content) {

    String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lower-case extension without the dot; "" for none and for dot files such as .editorconfig. */
    String extension() {
        String name = lowerName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }

    /** 0 for a file in the project root. */
    int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    /** The folders the file sits in, outermost first. */
    String[] directories() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? new String[0] : path.substring(0, slash).split("/");
    }

    boolean isRead() {
        return content != null;
    }

    /** Lines of the content; 0 for a file that was not read. */
    long lines() {
        return isRead() ? TextStats.countLines(content) : 0;
    }

    /** The content, or "" for a file that was not read, for searches that may simply find nothing. */
    String text() {
        return isRead() ? content : "";
    }
}
