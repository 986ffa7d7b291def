package dev.conclave.gateway.intake;

import java.util.List;

/**
 * The one rule for a path inside a project, whatever brought it (a JSON body, an archive entry, a
 * git tree): relative, '/'-separated, without '..', '.', empty segments, '\', NUL or a drive letter.
 */
public final class ProjectPath {
    private ProjectPath() {
    }

    public static boolean isPlainRelative(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.startsWith("~");
        return !absolute && !path.contains("\\") && path.indexOf('\0') < 0
                && segments(path).stream().noneMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
    }

    /** Folders above the file: {@code a/b/c.txt} is 2 deep. */
    public static int depth(String path) {
        return segments(path).size() - 1;
    }

    static List<String> segments(String path) {
        return List.of(path.split("/", -1));
    }
}
