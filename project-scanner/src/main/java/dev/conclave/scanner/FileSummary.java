package dev.conclave.scanner;

import java.util.Locale;
import java.util.Set;

/**
 * What the digest needs from one admitted file, computed as soon as the file is read so that a
 * scan holds the text of only the few files it excerpts, not of the whole project.
 *
 * @param read          false when the file was over the per-file read limit
 * @param language      the file's language, or null when its extension is not recognised
 * @param comments      comment and non-blank lines (zero unless a read source file)
 * @param todoMarkers   TODO/FIXME occurrences (zero unless a read source file)
 * @param content       the text, kept only for README and manifest files (null otherwise)
 */
record FileSummary(
        String path,
        long sizeBytes,
        boolean read,
        Language language,
        long lines,
        TextStats.CommentCount comments,
        int todoMarkers,
        Set<FileRole> roles,
        String content) {

    private static final TextStats.CommentCount NO_COMMENTS = new TextStats.CommentCount(0, 0);

    FileSummary {
        roles = Set.copyOf(roles);
    }

    static FileSummary of(ScannedFile file) {
        Language language = Languages.of(file).orElse(null);
        Set<FileRole> roles = FileRole.of(file);
        boolean countable = file.isRead() && roles.contains(FileRole.SOURCE);
        return new FileSummary(
                file.path(),
                file.sizeBytes(),
                file.isRead(),
                language,
                file.lines(),
                countable ? TextStats.countComments(file.content(), language.comments()) : NO_COMMENTS,
                countable ? TextStats.countTodoMarkers(file.content()) : 0,
                roles,
                roles.contains(FileRole.README) || roles.contains(FileRole.MANIFEST) ? file.content() : null);
    }

    boolean is(FileRole role) {
        return roles.contains(role);
    }

    /** 0 for a file in the project root. */
    int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    String lowerName() {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
