package dev.conclave.scanner;

import dev.conclave.model.ProjectFacts;
import java.util.Set;

/**
 * Everything the static scores are computed from: the digest's facts plus the signals that need
 * file contents and are not part of the wire format.
 *
 * @param facts                  the facts that also go into the digest
 * @param hasLintConfig          a linter or formatter is configured
 * @param sourceLines            lines in source files (programming languages only)
 * @param nonBlankSourceLines    non-blank lines in source files
 * @param commentLines           comment lines in source files
 * @param todoMarkers            TODO and FIXME occurrences in source files
 * @param veryLargeSourceFiles   source files over {@link CodeQualityScore#VERY_LARGE_FILE_LINES}
 *                               lines or over the per-file read limit
 * @param mentionsHealthEndpoint source mentions /health, healthz, ... or a health library is a dependency
 * @param hasInfrastructureAsCode Terraform, Bicep, Pulumi, CDK or Serverless definitions
 * @param readmeSections         sections found among the README's headings
 */
record ScoreSignals(
        ProjectFacts facts,
        boolean hasLintConfig,
        long sourceLines,
        long nonBlankSourceLines,
        long commentLines,
        int todoMarkers,
        int veryLargeSourceFiles,
        boolean mentionsHealthEndpoint,
        boolean hasInfrastructureAsCode,
        Set<ReadmeSection> readmeSections) {

    ScoreSignals {
        readmeSections = Set.copyOf(readmeSections);
    }
}
