package dev.conclave.gateway.rest;

import dev.conclave.gateway.service.InvalidScanException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of a submission or a re-run: absent or blank is none; otherwise
 * 1 to 200 visible ASCII characters. Checked before the body is read, since a key is stored in a unique
 * index whose entries PostgreSQL caps at a few kilobytes: a longer one would fail the insert, not the caller.
 */
final class IdempotencyKey {
    static final int MAX_LENGTH = 200;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

    private IdempotencyKey() {
    }

    static Optional<String> of(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String key = header.strip();
        if (key.length() > MAX_LENGTH) {
            throw InvalidScanException.badRequest("Idempotency-Key", "Idempotency-Key is %d characters; the limit is %d"
                    .formatted(key.length(), MAX_LENGTH) + " (a UUID is a good key)");
        }
        if (!VISIBLE_ASCII.matcher(key).matches()) {
            throw InvalidScanException.badRequest("Idempotency-Key",
                    "Idempotency-Key must be visible ASCII characters without spaces (a UUID is a good key)");
        }
        return Optional.of(key);
    }
}
