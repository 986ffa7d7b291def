package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineCountingTest {

    @ParameterizedTest(name = "\"{0}\" has {1} lines")
    @CsvSource(delimiter = '|', value = {
        "''        | 0",
        "a         | 1",
        "a\\n      | 1",
        "a\\nb     | 2",
        "a\\nb\\n  | 2",
        "\\n\\n    | 2",
        "\\n\\nx   | 3",
    })
    void countsNewlineTerminatedLinesPlusAnUnterminatedLastLine(String escaped, long lines) {
        assertEquals(lines, TextStats.countLines(escaped.replace("\\n", "\n")));
    }

    @Test
    void anEmptyFileCountsAsAFileWithNoLines() {
        ScanDigest digest = new ProjectScanner(ScanLimits.defaults())
                .scan(List.of(new ProjectFile("pkg/__init__.py", "")), "empty");

        assertEquals(1, digest.languages().getFirst().files());
        assertEquals(0, digest.languages().getFirst().lines());
    }

    @Test
    void countsLineAndBlockCommentsButNotTrailingOnes() {
        String java = """
                /**
                 * Explains the class.
                 */
                class A {
                    // explains the field

                    int x = 1; // trailing, counts as code
                }
                """;
        LineClassifier.ClassifiedLines count = LineClassifier.classify(java, LineSyntax.cStyle());

        assertEquals(4, count.commentLines());
        assertEquals(3, count.codeLines());
        assertEquals(1, count.blankLines());
    }

    @Test
    void countsTodoAndFixmeMarkersOnly() {
        assertEquals(2, TextStats.countTodoMarkers("// TODO one\n// FIXME two\n// todos and TODOS are words\n"));
    }
}
