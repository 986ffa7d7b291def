package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectKind;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trimmed snapshots of public repositories (src/test/resources/corpus, README there), scanned as a
 * user would: the kind, every secret finding with its class, and the code lines of the main language
 * are what the hand-written labels say; a library is never asked for a Dockerfile.
 */
class PublicProjectsAreJudgedAsLabelledTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    private record Labels(ProjectKind kind, List<String> findings, Map<String, Long> codeLines) {
    }

    private static Labels labels(Path file) throws Exception {
        ProjectKind kind = null;
        List<String> findings = new ArrayList<>();
        Map<String, Long> code = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String content = line.replaceAll("#.*", "").strip();
            String[] fields = content.split("\\s+");
            switch (fields[0]) {
                case "kind" -> kind = ProjectKind.fromWire(fields[1]);
                case "finding" -> findings.add(fields[1] + " " + fields[2] + " " + fields[3]);
                case "code" -> code.put(fields[1], Long.parseLong(fields[2]));
                case "" -> {
                }
                default -> throw new IllegalArgumentException(file + ": unknown label '" + fields[0]
                        + "'; write kind, finding or code (see corpus/README.md)");
            }
        }
        return new Labels(kind, findings, code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"requests", "ripgrep", "spring-petclinic", "slugify", "cobra", "full-stack-fastapi-template",
            "express", "flask", "gin", "httpie", "sinatra", "slim"})
    void isJudgedAsLabelled(String project) throws Exception {
        URL corpus = getClass().getResource("/corpus");
        assertNotNull(corpus, "src/test/resources/corpus is missing from the test classpath");
        Path root = Path.of(corpus.toURI());
        Labels labels = labels(root.resolve(project + ".labels"));

        ScanDigest digest = scanner.scan(root.resolve(project), project);

        assertEquals(labels.kind(), digest.scores().projectKind(), () -> project + ": " + digest.scores().findings());
        List<SecretFinding> listed = digest.scores().secretFindings().listed();
        assertEquals(new TreeSet<>(labels.findings()), new TreeSet<>(listed.stream()
                .map(f -> f.path() + ":" + f.line() + " " + f.rule() + " " + f.secretClass().wire()).toList()), project);
        assertEquals(labels.findings().size(), digest.redactions().total(), project + ": every redaction is a finding");
        assertEquals(labels.findings().stream().filter(f -> f.endsWith(SecretClass.LIKELY_REAL.wire())).count(),
                (long) digest.scores().secretFindings().count(SecretClass.LIKELY_REAL), project);
        labels.codeLines().forEach((language, lines) -> assertEquals(lines, digest.languages().stream()
                .filter(stat -> stat.language().equals(language)).mapToLong(LanguageStat::codeLines).sum(),
                project + " " + language + " code lines"));
        if (labels.kind() == ProjectKind.LIBRARY) {
            assertFalse(digest.scores().findings().stream().anyMatch(f -> f.signal().equals("dockerfile")), project);
        }
    }
}
