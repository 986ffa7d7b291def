/**
 * Context compression: turns the files a digest quotes into excerpts that fit a token budget, so that
 * a model reads the project's structure rather than its comments, boilerplate and data.
 *
 * <p>Where to start: {@link dev.conclave.scanner.compress.ContextCompressor#compress} takes redacted
 * {@link dev.conclave.scanner.compress.CandidateFile}s with a {@link dev.conclave.scanner.compress.ContextPart}
 * and returns a {@link dev.conclave.scanner.compress.CompressedContext} whose excerpts and
 * {@link dev.conclave.model.Compression} go into the digest. {@code CommentStripper} (per-language
 * comment and whitespace stripping), {@code RepetitionCollapser} (repeated rows, long data lines) and
 * {@code ReadmeOutline} (a README cut section by section) are the steps. Every cut leaves a marker in the
 * text ({@code … [truncated: N lines]}, {@code … [collapsed: N similar lines]},
 * {@code … [shortened: N chars]}), so a model never mistakes an excerpt for the whole file.
 *
 * <p>Tokens are counted with cl100k_base ({@link dev.conclave.scanner.compress.TokenMeter#cl100k()}),
 * like llm-client, so a budget here is the same number of tokens in a prompt.
 *
 * <p>Concurrency: none; plain single-threaded Java without static mutable state.
 */
package dev.conclave.scanner.compress;
