package dev.conclave.scanner.redact;

import dev.conclave.model.Redactions;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums the per-file counts of one scan into the digest's {@link Redactions}. One tally belongs to one
 * scan and one thread, like the scan's other working state; it is not shared.
 */
public final class RedactionTally {

    private final Map<String, Integer> byType = new TreeMap<>();

    public RedactionTally add(Redacted file) {
        file.byType().forEach((type, count) -> byType.merge(type, count, Integer::sum));
        return this;
    }

    public Redactions toRedactions() {
        return byType.isEmpty() ? Redactions.NONE : new Redactions(byType);
    }
}
