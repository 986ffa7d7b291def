package dev.conclave.scanner;

import dev.conclave.model.ProjectFacts;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the static scores are computed from: the digest's facts plus the signals that need
 * file contents and are not part of the wire format.
 *
 * @param facts                  the facts that also go into the digest
 * @param examplePaths           for each category some file is in, the shallowest such file (the finding names it)
 * @param sourceLines            lines in source files (programming languages only)
 * @param codeLines              code lines in source files
 * @param commentLines           comment-only lines in source files
 * @param todoMarkers            TODO and FIXME occurrences in source files
 * @param veryLargeSourceFiles   source files over {@link CodeQualityScore#VERY_LARGE_FILE_LINES}
 *                               lines or over the per-file read limit
 * @param largestSource          the source file with the most lines, null without source files
 * @param largestSourceLines     its lines
 * @param branchPoints           branch points in source code ({@link CodeShape})
 * @param codeWindows            runs of {@link CodeShape#WINDOW_LINES} significant source lines
 * @param duplicatedWindows      of those, runs that occur more than once in the project
 * @param readmeSections         sections found among the README's headings
 * @param readmePath             the README the sections were read from, null when there is none
 * @param kind                   what kind of project it is, and the pieces a library or a tool is judged by
 */
record ScoreSignals(
        ProjectFacts facts,
        Map<FileCategory, String> examplePaths,
        long sourceLines,
        long codeLines,
        long commentLines,
        int todoMarkers,
        int veryLargeSourceFiles,
        String largestSource,
        long largestSourceLines,
        long branchPoints,
        long codeWindows,
        long duplicatedWindows,
        Set<ReadmeSection> readmeSections,
        String readmePath,
        KindJudgement kind) {

    ScoreSignals {
        examplePaths = Map.copyOf(examplePaths);
        readmeSections = Set.copyOf(readmeSections);
    }

    boolean has(FileCategory category) {
        return examplePaths.containsKey(category);
    }

    Optional<String> example(FileCategory category) {
        return Optional.ofNullable(examplePaths.get(category));
    }
}
