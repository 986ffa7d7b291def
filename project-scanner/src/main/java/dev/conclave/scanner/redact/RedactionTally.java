package dev.conclave.scanner.redact;

import dev.conclave.model.Redactions;
import dev.conclave.model.SecretFinding;
import dev.conclave.model.SecretFindings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums the per-file counts of one scan into the digest's {@link Redactions} (what was hidden) and its
 * findings into {@link SecretFindings} (what is reported). One tally belongs to one scan and one
 * thread, like the scan's other working state; it is not shared.
 */
public final class RedactionTally {
    /** How many findings a digest lists at most; its counts cover every one. */
    public static final int MAX_LISTED_FINDINGS = 100;

    /** Likely-real findings first: they are the ones a reader must act on. */
    private static final Comparator<SecretFinding> REPORT_ORDER = Comparator
            .comparing(SecretFinding::secretClass)
            .thenComparing(SecretFinding::path)
            .thenComparingInt(SecretFinding::line)
            .thenComparing(SecretFinding::rule);

    private final Map<String, Integer> byType = new TreeMap<>();
    private final List<SecretFinding> findings = new ArrayList<>();

    public RedactionTally add(Redacted file) {
        file.byType().forEach((type, count) -> byType.merge(type, count, Integer::sum));
        findings.addAll(file.findings());
        return this;
    }

    public Redactions toRedactions() {
        return byType.isEmpty() ? Redactions.NONE : new Redactions(byType);
    }

    /**
     * @param known   the project's own list of false positives
     * @param listed  at most this many findings are listed (the counts cover all)
     */
    public SecretFindings toSecretFindings(KnownFalsePositives known, int listed) {
        if (findings.isEmpty()) {
            return known.problems().isEmpty() ? SecretFindings.NONE : new SecretFindings(Map.of(), List.of(), known.problems());
        }
        List<SecretFinding> classed = findings.stream().map(known::apply).sorted(REPORT_ORDER).toList();
        Map<String, Integer> byClass = new TreeMap<>();
        classed.forEach(finding -> byClass.merge(finding.secretClass().wire(), 1, Integer::sum));
        return new SecretFindings(byClass, classed.subList(0, Math.min(listed, classed.size())), known.problems());
    }
}
