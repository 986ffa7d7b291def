package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanInputErrorsTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    @Test
    void refusesAFileAsProjectRootNamingIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x\n");

        var error = assertThrows(IllegalArgumentException.class, () -> scanner.scan(file, "p"));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("not a directory"), error.getMessage());
    }

    @Test
    void refusesAMissingRootNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");

        var error = assertThrows(IllegalArgumentException.class, () -> scanner.scan(missing, "p"));

        assertTrue(error.getMessage().contains(missing.toString()) && error.getMessage().contains("does not exist"),
                error.getMessage());
    }

    @Test
    void refusesTheSamePathTwiceNamingIt() {
        List<ProjectFile> files = List.of(new ProjectFile("a.py", "1\n"), new ProjectFile("a.py", "2\n"));

        var error = assertThrows(IllegalArgumentException.class, () -> scanner.scan(files, "p"));

        assertTrue(error.getMessage().contains("a.py"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../secret.py", "src//a.py", "./a.py", "src/"})
    void refusesPathsThatAreNotNormalisedAndRelative(String path) {
        var error = assertThrows(IllegalArgumentException.class, () -> new ProjectFile(path, ""));

        assertTrue(error.getMessage().contains(path), error.getMessage());
    }

    @Test
    void refusesABlankProjectName(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> scanner.scan(dir, " "));
        assertThrows(IllegalArgumentException.class, () -> scanner.scan(List.of(), ""));
    }

    @Test
    void refusesALimitThatIsNotPositiveNamingIt() {
        var error = assertThrows(IllegalArgumentException.class, () -> new ScanLimits(0, 1, 1, 1, 1));

        assertTrue(error.getMessage().contains("maxTreeEntries"), error.getMessage());
    }
}
