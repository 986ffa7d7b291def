package dev.conclave.scanner.redact;

import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A project's own list of findings that are not secrets, read from {@value #FILE_NAME} in its root:
 * one {@code <path> <rule>} pair a line, {@code #} starts a comment. The path may use {@code *}
 * (within a folder) and {@code **} (across folders); the rule is a redaction type such as
 * {@code url_password}, or {@code *} for any. A listed value is still redacted; it is only no longer
 * reported as a committed secret. A line that is not a pair is listed in {@link #problems()}.
 */
public final class KnownFalsePositives {

    public static final String FILE_NAME = ".conclave-false-positives";

    public static final KnownFalsePositives NONE = new KnownFalsePositives(List.of(), List.of());

    private record Entry(int line, Pattern path, String rule) {
    }

    private final List<Entry> entries;
    private final List<String> problems;

    private KnownFalsePositives(List<Entry> entries, List<String> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static KnownFalsePositives parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 2) {
                problems.add(FILE_NAME + " line " + (i + 1) + " has " + fields.length
                        + " fields; write one '<path> <rule>' pair a line, e.g. 'tests/test_utils.py url_password'");
                continue;
            }
            entries.add(new Entry(i + 1, glob(fields[0]), fields[1]));
        }
        return new KnownFalsePositives(entries, problems);
    }

    /** The finding as the project marked it, or unchanged when no line lists it. */
    public SecretFinding apply(SecretFinding finding) {
        for (Entry entry : entries) {
            if ((entry.rule().equals("*") || entry.rule().equals(finding.rule()))
                    && entry.path().matcher(finding.path()).matches()) {
                return new SecretFinding(finding.path(), finding.line(), finding.rule(), SecretClass.MARKED_FALSE_POSITIVE,
                        "listed in " + FILE_NAME + " (line " + entry.line() + ")");
            }
        }
        return finding;
    }

    /** Lines that could not be read, each saying what to write instead. */
    public List<String> problems() {
        return problems;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String path = glob.startsWith("/") ? glob.substring(1) : glob;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' && i + 1 < path.length() && path.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
                if (i + 1 < path.length() && path.charAt(i + 1) == '/') {
                    regex.append("/?");
                    i++;
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
