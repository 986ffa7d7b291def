package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeQualityScoreTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    private double codeQuality(List<ProjectFile> files) {
        return scanner.scan(files, "quality").scores().codeQuality();
    }

    private static List<ProjectFile> plainSources() {
        List<ProjectFile> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(new ProjectFile("app/module" + i + ".py", "def f():\n    return " + i + "\n"));
        }
        return files;
    }

    private static List<ProjectFile> with(List<ProjectFile> files, ProjectFile... more) {
        List<ProjectFile> all = new ArrayList<>(files);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void sourceWithoutAnyEvidenceGetsTheBase() {
        assertEquals(CodeQualityScore.BASE, codeQuality(plainSources()));
    }

    @Test
    void aProjectWithoutSourceCannotBeJudgedAndScoresZero() {
        assertEquals(0.0, codeQuality(List.of(new ProjectFile("README.md", "# notes\n"))));
    }

    @Test
    void addingTestsRaisesCodeQuality() {
        double without = codeQuality(plainSources());
        double oneTest = codeQuality(with(plainSources(), new ProjectFile("tests/test_a.py", "def test_a():\n    pass\n")));
        double twoTests = codeQuality(with(plainSources(), new ProjectFile("tests/test_a.py", "def test_a():\n    pass\n"),
                new ProjectFile("tests/test_b.py", "def test_b():\n    pass\n")));

        assertTrue(oneTest > without, () -> oneTest + " should beat " + without);
        assertTrue(twoTests > oneTest, () -> "a higher test ratio should beat a lower one: " + twoTests + " vs " + oneTest);
        assertEquals(10.0 - CodeQualityScore.LINT_CONFIG, twoTests, "half as many tests as sources earns the full test share");
    }

    @Test
    void addingALinterConfigurationRaisesCodeQuality() {
        double without = codeQuality(plainSources());

        assertTrue(codeQuality(with(plainSources(), new ProjectFile("ruff.toml", "line-length = 100\n"))) > without);
        assertTrue(codeQuality(with(plainSources(), new ProjectFile("pyproject.toml", "[tool.ruff]\nline-length = 100\n")))
                > without);
        assertTrue(codeQuality(with(plainSources(), new ProjectFile(".editorconfig", "root = true\n"))) > without);
    }

    @Test
    void manyTodoMarkersLowerCodeQuality() {
        double without = codeQuality(plainSources());

        double withTodos = codeQuality(with(plainSources(),
                new ProjectFile("app/half_done.py", "# TODO: finish\n# FIXME: broken\ndef g():\n    pass\n")));

        assertTrue(withTodos < without, () -> withTodos + " should be below " + without);
    }

    @Test
    void veryLargeSourceFilesLowerCodeQuality() {
        double without = codeQuality(plainSources());

        // Distinct lines, so that the file is large without also being one long duplicate.
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            huge.append("value_").append(i).append(" = compute(").append(i).append(")\n");
        }
        double withHugeFile = codeQuality(with(plainSources(), new ProjectFile("app/everything.py", huge.toString())));

        assertEquals(without - CodeQualityScore.LARGE_FILE_PENALTY, withHugeFile);
    }

    @Test
    void theFullPictureScoresTen() {
        double score = codeQuality(with(plainSources(), new ProjectFile("tests/test_a.py", "def test_a():\n    pass\n"),
                new ProjectFile("tests/test_b.py", "def test_b():\n    pass\n"), new ProjectFile(".flake8", "[flake8]\n")));

        assertEquals(10.0, score);
    }
}
