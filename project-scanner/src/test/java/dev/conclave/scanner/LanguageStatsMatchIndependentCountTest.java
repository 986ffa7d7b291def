package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.LanguageStat;
import dev.conclave.model.ScanDigest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Language file and line counts agree with a count made here, from the fixture text, by other means. */
class LanguageStatsMatchIndependentCountTest {

    /** The extensions the fixtures use; files with any other extension belong to no language. */
    private static final Map<String, String> FIXTURE_LANGUAGES = Map.ofEntries(
            Map.entry("py", "Python"), Map.entry("ts", "TypeScript"), Map.entry("java", "Java"), Map.entry("go", "Go"),
            Map.entry("md", "Markdown"), Map.entry("json", "JSON"), Map.entry("toml", "TOML"), Map.entry("xml", "XML"),
            Map.entry("yml", "YAML"), Map.entry("yaml", "YAML"), Map.entry("tf", "Terraform"));

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    static List<FixtureProject> fixtures() {
        return FixtureProject.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countsFilesAndLinesPerLanguageInADirectory(FixtureProject fixture, @TempDir Path dir) throws IOException {
        ScanDigest digest = scanner.scan(fixture.writeTo(dir), fixture.name);

        assertEquals(expectedStats(fixture), filesLinesAndBlanks(digest.languages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countsFilesAndLinesPerLanguageInAFileList(FixtureProject fixture) {
        ScanDigest digest = scanner.scan(fixture.asProjectFiles(), fixture.name);

        assertEquals(expectedStats(fixture), filesLinesAndBlanks(digest.languages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void codeCommentAndBlankLinesAddUpToEveryLine(FixtureProject fixture) {
        for (LanguageStat stat : scanner.scan(fixture.asProjectFiles(), fixture.name).languages()) {
            assertEquals(stat.lines(), stat.codeLines() + stat.commentLines() + stat.blankLines(), stat::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void listsLanguagesWithMostLinesFirst(FixtureProject fixture) {
        List<LanguageStat> languages = scanner.scan(fixture.asProjectFiles(), fixture.name).languages();

        for (int i = 1; i < languages.size(); i++) {
            assertTrue(languages.get(i - 1).lines() >= languages.get(i).lines(), () -> "not sorted: " + languages);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countsEveryAdmittedFileAndItsBytes(FixtureProject fixture) {
        ScanDigest digest = scanner.scan(fixture.asProjectFiles(), fixture.name);

        long expectedBytes = fixture.counted.values().stream()
                .mapToLong(content -> content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .sum();
        assertEquals(fixture.counted.size(), digest.fileCount());
        assertEquals(expectedBytes, digest.totalBytes());
    }

    /**
     * String.lines() splits where the scanner counts '\n', and agrees on a missing final newline; a blank
     * line is one String.isBlank() accepts. Code and comment lines are checked by hand in LineKindsTest.
     */
    private static Map<String, LanguageStat> expectedStats(FixtureProject fixture) {
        Map<String, LanguageStat> expected = new TreeMap<>();
        fixture.counted.forEach((path, content) -> {
            String extension = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "";
            String language = FIXTURE_LANGUAGES.get(extension);
            if (language != null) {
                LanguageStat sum = expected.getOrDefault(language, new LanguageStat(language, 0, 0));
                long blank = content.lines().filter(String::isBlank).count();
                expected.put(language, new LanguageStat(language, sum.files() + 1, sum.lines() + content.lines().count(),
                        0, 0, sum.blankLines() + blank));
            }
        });
        return expected;
    }

    /** The scanner's stats with code and comment lines zeroed, to compare with {@link #expectedStats}. */
    private static Map<String, LanguageStat> filesLinesAndBlanks(List<LanguageStat> stats) {
        Map<String, LanguageStat> map = new TreeMap<>();
        stats.forEach(stat -> map.put(stat.language(),
                new LanguageStat(stat.language(), stat.files(), stat.lines(), 0, 0, stat.blankLines())));
        return map;
    }
}
