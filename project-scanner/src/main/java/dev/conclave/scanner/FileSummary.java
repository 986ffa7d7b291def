package dev.conclave.scanner;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.conclave.scanner.redact.Redacted;
import dev.conclave.scanner.redact.SecretRedactor;

/**
 * What the digest needs from one admitted file, computed as soon as the file is read so that a
 * scan holds the text of only the few files it excerpts, not of the whole project.
 *
 * @param read          false when the file was over the per-file read limit
 * @param language      the file's language, or null when its extension is not recognised
 * @param lines         every line; for a file in a known language, code + comment + blank lines
 * @param codeLines     lines with code on them (zero unless a read file in a known language)
 * @param commentLines  lines with only comments on them
 * @param blankLines    lines with only white space
 * @param todoMarkers   TODO/FIXME occurrences (zero unless a read source file)
 * @param shape         branch points and duplication fingerprints (empty unless a read source file)
 * @param content       the text, kept only for README and manifest files and for __main__.py, whose text says
 *                      whether it is a command (null otherwise)
 */
record FileSummary(
        String path,
        long sizeBytes,
        boolean read,
        Language language,
        long lines,
        long codeLines,
        long commentLines,
        long blankLines,
        int todoMarkers,
        CodeShape shape,
        Set<FileCategory> categories,
        String content,
        Redacted secrets) {

    FileSummary {
        categories = Set.copyOf(categories);
    }

    /**
     * Every read file is searched for secrets, so the digest counts all a project holds, quoted or
     * not; the text kept for quoting (README, manifests) is the redacted one.
     */
    static FileSummary of(ScannedFile file, SecretRedactor redactor) {
        Language language = Languages.of(file).orElse(null);
        Set<FileCategory> categories = FileCategory.of(file);
        LineClassifier.ClassifiedLines classified = file.isRead() && language != null
                ? LineClassifier.classify(file.content(), language.syntax())
                : LineClassifier.ClassifiedLines.NONE;
        boolean source = file.isRead() && categories.contains(FileCategory.SOURCE);
        Redacted redacted = file.isRead() ? redactor.redact(file.path(), file.content()) : new Redacted("", Map.of());
        return new FileSummary(
                file.path(),
                file.sizeBytes(),
                file.isRead(),
                language,
                file.lines(),
                classified.codeLines(),
                classified.commentLines(),
                classified.blankLines(),
                source ? TextStats.countTodoMarkers(file.content()) : 0,
                source ? CodeShape.of(classified.code()) : CodeShape.NONE,
                categories,
                categories.contains(FileCategory.README) || categories.contains(FileCategory.MANIFEST)
                        || file.lowerName().equals("__main__.py") ? redacted.text() : null,
                redacted);
    }

    boolean is(FileCategory category) {
        return categories.contains(category);
    }

    /** 0 for a file in the project root. */
    int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    String lowerName() {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
