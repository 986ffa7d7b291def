package dev.conclave.llm.cache;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cached answer's key: SHA-256 (lower-case hex) over a length-prefixed encoding of provider,
 * model, messages, parameters and schema version (see {@link ResponseCache#key}). Checked on
 * construction so a key read back from a row or a log cannot address the wrong Redis entry.
 */
public record CacheKey(String sha256) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public CacheKey {
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("cache key '" + sha256 + "' is not 64 lower-case hex digits");
        }
    }
}
