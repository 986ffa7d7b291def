/**
 * Turns a project into a bounded {@link dev.conclave.model.ScanDigest}: languages and line
 * counts, a capped file tree, README and manifest excerpts, facts found in the tree, and the
 * first static scores (code quality, deployment readiness, documentation quality).
 *
 * <p>Where to start: {@link dev.conclave.scanner.ProjectScanner} has two entry points, a directory
 * on disk (the CLI) and a list of {@link dev.conclave.scanner.ProjectFile}s (files uploaded to the
 * gateway). Both admit files through the same rules and build the digest in the same core, so the
 * same project gives the same digest either way, {@code .gitignore} and {@code .conclaveignore}
 * files included ({@code IgnoreRules}). {@code Languages} is the one table of file syntaxes: each
 * language's extensions, its {@code LineSyntax} and how compression condenses it. One {@code Lexer} marks
 * comments and strings for both {@code LineClassifier} (code, comment and blank lines) and
 * {@code compress.CommentStripper}. Each score's formula lives in its
 * own small class ({@code CodeQualityScore}, {@code DeploymentReadinessScore},
 * {@code DocumentationQualityScore}) with its weights as named constants; each writes its findings on a
 * {@code ScoreSheet}, and the score is the sum of the findings' points.
 *
 * <p>Concurrency: none. This is single-threaded plain Java (no Quarkus, no CDI); a scanner holds
 * only its immutable limits, so one instance may be shared by threads that each call it.
 */
package dev.conclave.scanner;
