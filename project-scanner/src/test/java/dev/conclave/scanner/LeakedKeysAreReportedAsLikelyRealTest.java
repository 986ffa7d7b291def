package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.SecretClass;
import dev.conclave.model.SecretFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Public collections of deliberately leaked test keys (corpus/leaked-keys, README there), placed where an
 * application keeps its keys: nearly every leaked key is called likely real, and across the whole corpus
 * (those collections and the twelve public projects, none of whose findings is a usable credential) nearly
 * every "likely real" is a leaked key, not a decoy, a fixture or documentation.
 */
class LeakedKeysAreReportedAsLikelyRealTest {

    private static final String LEAKED_KEYS = "leaked-keys";

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    private record Labels(Set<String> leaks, Set<String> decoys) {
    }

    private static Path corpus() throws Exception {
        var url = LeakedKeysAreReportedAsLikelyRealTest.class.getResource("/corpus");
        assertNotNull(url, "src/test/resources/corpus is missing from the test classpath");
        return Path.of(url.toURI());
    }

    private static Labels labels(Path file) throws Exception {
        Set<String> leaks = new TreeSet<>();
        Set<String> decoys = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.replaceAll("#.*", "").strip().split("\\s+");
            switch (fields[0]) {
                case "leak" -> leaks.add(fields[1]);
                case "decoy" -> decoys.add(fields[1]);
                case "" -> {
                }
                default -> throw new IllegalArgumentException(file + ": unknown label '" + fields[0]
                        + "'; write leak or decoy (see corpus/leaked-keys/README.md)");
            }
        }
        return new Labels(leaks, decoys);
    }

    /** Every "likely real" finding of the leaked-key collections, as {@code source/path:line}. */
    private List<String> likelyRealInLeakedKeys(Path corpus) throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.list(corpus.resolve(LEAKED_KEYS))) {
            for (Path source : sources.filter(Files::isDirectory).sorted().toList()) {
                String name = source.getFileName().toString();
                likelyReal(source).forEach(f -> found.add(name + "/" + f.path() + ":" + f.line()));
            }
        }
        return found;
    }

    private List<SecretFinding> likelyReal(Path project) {
        return scanner.scan(project, project.getFileName().toString()).scores().secretFindings().listed().stream()
                .filter(f -> f.secretClass() == SecretClass.LIKELY_REAL).toList();
    }

    @Test
    void atLeastNinetyFivePercentOfLeakedKeysAreLikelyReal() throws Exception {
        Path corpus = corpus();
        Labels labels = labels(corpus.resolve(LEAKED_KEYS + ".labels"));
        Set<String> likelyReal = new TreeSet<>(likelyRealInLeakedKeys(corpus));

        List<String> missed = labels.leaks().stream().filter(leak -> !likelyReal.contains(leak)).toList();
        double recall = (double) (labels.leaks().size() - missed.size()) / labels.leaks().size();

        System.out.printf("leaked keys: %d, likely real %d, recall %.3f; missed: %s%n", labels.leaks().size(),
                labels.leaks().size() - missed.size(), recall, missed);
        assertTrue(labels.leaks().size() >= 40, "the collections hold " + labels.leaks().size() + " leaks; expected a few dozen");
        assertTrue(recall >= 0.95, () -> "recall " + recall + "; not called likely real: " + missed);
    }

    @Test
    void atLeastNinetyFivePercentOfLikelyRealFindingsInTheCorpusAreLeakedKeys() throws Exception {
        Path corpus = corpus();
        Labels labels = labels(corpus.resolve(LEAKED_KEYS + ".labels"));
        List<String> likelyReal = new ArrayList<>(likelyRealInLeakedKeys(corpus));
        // The public projects' findings are test URLs, TLS fixtures, documentation and local defaults
        // (corpus/README.md): a "likely real" among them is a false accusation.
        try (Stream<Path> labelled = Files.list(corpus)) {
            for (Path file : labelled.filter(f -> f.toString().endsWith(".labels")).sorted().toList()) {
                String project = file.getFileName().toString().replace(".labels", "");
                if (!project.equals(LEAKED_KEYS)) {
                    likelyReal(corpus.resolve(project)).forEach(f -> likelyReal.add(project + ":" + f.path() + ":" + f.line()));
                }
            }
        }

        List<String> wrong = likelyReal.stream().filter(f -> !labels.leaks().contains(f)).toList();
        double precision = likelyReal.isEmpty() ? 0 : (double) (likelyReal.size() - wrong.size()) / likelyReal.size();

        System.out.printf("corpus: %d likely real, %d of them leaked keys, precision %.3f; wrongly accused: %s%n",
                likelyReal.size(), likelyReal.size() - wrong.size(), precision, wrong);
        assertTrue(precision >= 0.95, () -> "precision " + precision + "; likely real but no leak: " + wrong);
        assertTrue(wrong.stream().noneMatch(labels.decoys()::contains), () -> "a decoy was accused: " + wrong);
    }
}
