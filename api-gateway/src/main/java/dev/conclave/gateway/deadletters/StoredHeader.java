package dev.conclave.gateway.deadletters;

/** One of the original record's own headers as the index keeps it: the value base64, or null. */
public record StoredHeader(String key, String value) {
}
