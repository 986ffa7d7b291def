package dev.conclave.scanner.redact;

import dev.conclave.model.Redactions;
import java.util.Map;
import java.util.TreeMap;

/**
 * One file's text after redaction and how many secrets of each type were replaced in it.
 *
 * @param text   the text with every secret replaced by {@code [REDACTED:type]}
 * @param byType replacements per type, e.g. {@code github_token -> 2}; never the values
 */
public record Redacted(String text, Map<String, Integer> byType) {

    public Redacted {
        byType = java.util.Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    public int total() {
        return byType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Redactions toRedactions() {
        return new Redactions(byType);
    }

    static Redacted unchanged(String text) {
        return new Redacted(text, Map.of());
    }
}
