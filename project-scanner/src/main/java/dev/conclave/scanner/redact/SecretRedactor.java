package dev.conclave.scanner.redact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Replaces every secret in a file's text by a typed placeholder such as {@code [REDACTED:aws_access_key]}
 * and counts the replacements by type, so that no credential found in a project reaches a model provider
 * while the digest still says that the project has one, and of which kind.
 *
 * <p>Immutable and thread-safe: the rules are compiled once; each call works on its own matchers.
 */
public final class SecretRedactor {

    private final List<SecretRule> rules;

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
        String current = text;
        // Hints are checked against the original text: a redaction only removes text, it never adds a hint.
        String lower = text.toLowerCase(Locale.ROOT);
        for (SecretRule rule : rules) {
            if (rule.kinds().contains(kind) && rule.mayMatch().test(lower)) {
                current = apply(rule, current, byType);
            }
        }
        return new Redacted(current, byType);
    }

    private static String apply(SecretRule rule, String text, Map<String, Integer> byType) {
        Matcher matcher = rule.pattern().matcher(text);
        boolean secretGroup = rule.hasSecretGroup();
        StringBuilder out = null;
        int copiedUpTo = 0;
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
            if (start == end || !rule.accepted().test(text.substring(start, end))) {
                continue;
            }
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
        return out.append(text, copiedUpTo, text.length()).toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
