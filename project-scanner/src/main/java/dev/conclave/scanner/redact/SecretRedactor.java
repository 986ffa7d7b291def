package dev.conclave.scanner.redact;

import dev.conclave.model.SecretFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Replaces every secret in a file's text by a typed placeholder such as {@code [REDACTED:aws_access_key]}
 * and counts the replacements by type, so that no credential found in a project reaches a model provider
 * while the digest still says that the project has one, and of which kind. Each replacement is also a
 * {@link SecretFinding} with its line and a class ({@link SecretClassifier}): hiding is conservative,
 * reporting is precise.
 *
 * <p>Immutable and thread-safe: the rules are compiled once; each call works on its own matchers.
 */
public final class SecretRedactor {

    private final List<SecretRule> rules;
    private final SecretClassifier classifier = new SecretClassifier();

    public SecretRedactor() {
        this.rules = SecretRules.ALL;
    }

    /**
     * @param path project-relative path; its name decides which rules apply (a {@code .env} file is all
     *             assignments, a lockfile is exempt from the entropy rule)
     * @param text the file's text
     */
    public Redacted redact(String path, String text) {
        if (text == null || text.isEmpty()) {
            return Redacted.unchanged(text == null ? "" : text);
        }
        FileKind kind = FileKind.of(path);
        Map<String, Integer> byType = new LinkedHashMap<>();
        List<SecretFinding> findings = new ArrayList<>();
        OriginalLines lines = new OriginalLines();
        String current = text;
        // Hints are checked against the original text: a redaction only removes text, it never adds a hint.
        String lower = text.toLowerCase(Locale.ROOT);
        for (SecretRule rule : rules) {
            if (rule.kinds().contains(kind) && rule.mayMatch().test(lower)) {
                current = apply(rule, path, current, byType, findings, lines);
            }
        }
        return new Redacted(current, byType, findings);
    }

    private String apply(SecretRule rule, String path, String text, Map<String, Integer> byType,
            List<SecretFinding> findings, OriginalLines lines) {
        Matcher matcher = rule.pattern().matcher(text);
        boolean secretGroup = rule.hasSecretGroup();
        StringBuilder out = null;
        int copiedUpTo = 0;
        List<int[]> edits = new ArrayList<>();
        while (matcher.find()) {
            int start = secretGroup ? matcher.start("secret") : matcher.start();
            int end = secretGroup ? matcher.end("secret") : matcher.end();
            if (start < 0) {
                continue;
            }
            // A quoted value keeps its quotes, so the line still reads as the assignment it was.
            if (end - start >= 2 && isQuote(text.charAt(start)) && text.charAt(end - 1) == text.charAt(start)) {
                start++;
                end--;
            }
            String value = text.substring(start, end);
            if (start == end || !rule.accepted().test(value)) {
                continue;
            }
            String before = text.substring(text.lastIndexOf('\n', start - 1) + 1, start);
            int lineEnd = text.indexOf('\n', end);
            String after = text.substring(end, lineEnd < 0 ? text.length() : lineEnd);
            SecretClassifier.Verdict verdict = classifier.classify(path, rule.type(), value, before, after);
            findings.add(new SecretFinding(path, lines.lineOf(text, start), rule.type(), verdict.secretClass(),
                    verdict.reason()));
            edits.add(new int[] {start, end, rule.type().length() + "[REDACTED:]".length(), newlines(value)});
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copiedUpTo, start).append("[REDACTED:").append(rule.type()).append(']');
            copiedUpTo = end;
            byType.merge(rule.type(), 1, Integer::sum);
        }
        if (out == null) {
            return text;
        }
        lines.replaced(edits);
        return out.append(text, copiedUpTo, text.length()).toString();
    }

    private static int newlines(String value) {
        return (int) value.chars().filter(c -> c == '\n').count();
    }

    /**
     * Maps a position in the text as earlier rules left it to a line of the original text. A replaced
     * multi-line value (a PEM key) removes line breaks, so each such replacement is remembered with the
     * number it removed, and positions are moved along as later replacements change the text's length.
     */
    private static final class OriginalLines {
        /** {position just after the placeholder in the current text, line breaks removed there}. */
        private final List<int[]> collapsed = new ArrayList<>();

        int lineOf(String current, int position) {
            int line = 1;
            for (int i = 0; i < position; i++) {
                if (current.charAt(i) == '\n') {
                    line++;
                }
            }
            for (int[] collapse : collapsed) {
                if (collapse[0] <= position) {
                    line += collapse[1];
                }
            }
            return line;
        }

        /** @param edits {start, end, placeholder length, line breaks removed} in text order */
        void replaced(List<int[]> edits) {
            for (int[] collapse : collapsed) {
                int shift = 0;
                for (int[] edit : edits) {
                    if (edit[1] <= collapse[0]) {
                        shift += edit[2] - (edit[1] - edit[0]);
                    }
                }
                collapse[0] += shift;
            }
            int shift = 0;
            for (int[] edit : edits) {
                shift += edit[2] - (edit[1] - edit[0]);
                if (edit[3] > 0) {
                    collapsed.add(new int[] {edit[1] + shift, edit[3]});
                }
            }
        }
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
