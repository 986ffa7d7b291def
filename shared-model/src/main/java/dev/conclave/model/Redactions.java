package dev.conclave.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets replaced by typed placeholders before the digest left the machine: how many of each type,
 * never the values.
 *
 * @param byType e.g. {@code aws_access_key -> 2}, {@code jwt -> 1}
 */
public record Redactions(Map<String, Integer> byType) {
    public static final Redactions NONE = new Redactions(Map.of());

    public Redactions {
        byType = byType == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    public int total() {
        return byType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
