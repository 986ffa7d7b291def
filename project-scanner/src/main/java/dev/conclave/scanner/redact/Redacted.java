package dev.conclave.scanner.redact;

import dev.conclave.model.Redactions;
import dev.conclave.model.SecretFinding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One file's text after redaction, how many secrets of each type were replaced in it, and each
 * replacement as a finding (file, line, rule, class and reason; never the value).
 *
 * @param text     the text with every secret replaced by {@code [REDACTED:type]}
 * @param byType   replacements per type, e.g. {@code github_token -> 2}; never the values
 * @param findings one per replacement, in the order of the rules then of the text
 */
public record Redacted(String text, Map<String, Integer> byType, List<SecretFinding> findings) {

    public Redacted {
        byType = java.util.Collections.unmodifiableMap(new TreeMap<>(byType));
        findings = List.copyOf(findings);
    }

    public Redacted(String text, Map<String, Integer> byType) {
        this(text, byType, List.of());
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
