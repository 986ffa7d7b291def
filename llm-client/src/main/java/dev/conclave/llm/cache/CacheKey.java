package dev.conclave.llm.cache;

/** A cached answer's key: SHA-256 (hex) over provider, model, messages, parameters and schema version. */
public record CacheKey(String sha256) {
}
