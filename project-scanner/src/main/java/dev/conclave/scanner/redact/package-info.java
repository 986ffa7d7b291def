/**
 * Secret redaction: every file's text passes through {@link dev.conclave.scanner.redact.SecretRedactor}
 * before any of it is quoted in a digest, because the digest is sent to third-party model providers.
 *
 * <p>Where to start: {@code SecretRules} is the catalogue (one rule per secret format, most specific
 * first); {@code SecretRedactor} applies it and counts replacements by type; {@code RedactionTally}
 * sums per-file counts into the digest's {@link dev.conclave.model.Redactions}.
 *
 * <p>Policy: redact when in doubt, but never in a way that hides what the project is. A placeholder
 * keeps the secret's type and leaves the surrounding name, user and host in place
 * ({@code DATABASE_URL=postgres://app:[REDACTED:url_password]@db:5432/app}), so a model still sees
 * that the project talks to PostgreSQL. What is deliberately not redacted (UUIDs, git SHAs and other
 * bare hex digests, lockfile integrity hashes, references such as {@code ${DB_PASSWORD}}) is listed
 * in docs/decisions.md.
 *
 * <p>Concurrency: none inside; the rules are immutable compiled patterns, so one redactor may be
 * shared by any number of threads.
 */
package dev.conclave.scanner.redact;
