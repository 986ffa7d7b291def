package dev.conclave.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The secret-shaped values of a project as a report shows them: counted by class over the whole
 * project, and listed by file and line, likely-real ones first, up to the scanner's limit.
 *
 * @param byClass counts per {@link SecretClass#wire()} name over every finding
 * @param listed  the findings, likely-real first, then by path and line; shorter than the counts' sum
 *                when the project had more than the scanner lists
 * @param problems lines of the project's {@code .conclave-false-positives} that could not be read, each
 *                 saying what to write instead
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SecretFindings(Map<String, Integer> byClass, List<SecretFinding> listed, List<String> problems) {
    public static final SecretFindings NONE = new SecretFindings(Map.of(), List.of(), List.of());

    public SecretFindings {
        byClass = byClass == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(byClass));
        listed = listed == null ? List.of() : List.copyOf(listed);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public SecretFindings(Map<String, Integer> byClass, List<SecretFinding> listed) {
        this(byClass, listed, List.of());
    }

    public int total() {
        return byClass.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(SecretClass secretClass) {
        return byClass.getOrDefault(secretClass.wire(), 0);
    }

    /** The listed findings of one class. */
    public List<SecretFinding> listed(SecretClass secretClass) {
        return listed.stream().filter(finding -> finding.secretClass() == secretClass).toList();
    }

    @JsonIgnore
    public boolean isTruncated() {
        return listed.size() < total();
    }
}
