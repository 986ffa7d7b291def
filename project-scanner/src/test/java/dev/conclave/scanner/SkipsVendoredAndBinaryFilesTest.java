package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SkipsVendoredAndBinaryFilesTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    static List<FixtureProject> fixtures() {
        return FixtureProject.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void treeHoldsExactlyTheProjectsOwnTextFiles(FixtureProject fixture, @TempDir Path dir) throws IOException {
        ScanDigest digest = scanner.scan(fixture.writeTo(dir), fixture.name);

        assertEquals(new TreeSet<>(fixture.counted.keySet()), new TreeSet<>(digest.tree()));
    }

    @Test
    void skipsVendoredAndBinaryFiles(@TempDir Path dir) throws IOException {
        FixtureProject fixture = FixtureProject.typescript();
        ScanDigest digest = scanner.scan(fixture.writeTo(dir), fixture.name);

        assertTrue(digest.tree().stream().noneMatch(path -> path.startsWith("node_modules/")), digest.tree()::toString);
        assertTrue(digest.tree().stream().noneMatch(path -> path.startsWith("dist/")), digest.tree()::toString);
        assertFalse(digest.tree().contains("public/logo.png"), "a file with a binary extension is skipped");
        assertFalse(digest.tree().contains("assets/blob.dat"), "a file with NUL bytes is skipped");
        assertTrue(digest.languages().stream().noneMatch(stat -> stat.language().equals("JavaScript")),
                "the only JavaScript is vendored or built, so none is counted: " + digest.languages());
    }

    @Test
    void skipsGitAndTargetFolders(@TempDir Path dir) throws IOException {
        FixtureProject fixture = FixtureProject.java();
        ScanDigest digest = scanner.scan(fixture.writeTo(dir), fixture.name);

        assertTrue(digest.tree().stream().noneMatch(path -> path.startsWith(".git/") || path.startsWith("target/")
                || path.startsWith(".idea/")), digest.tree()::toString);
        assertTrue(digest.tree().contains("src/main/java/dev/example/shop/Cart.java"));
    }

    @Test
    void skipsFoldersOnlyByTheirExactName() {
        List<ProjectFile> files = List.of(
                new ProjectFile("builder/Builder.java", "class Builder {}\n"),
                new ProjectFile("src/build.gradle", "apply plugin: 'java'\n"),
                new ProjectFile("src/build/Generated.java", "class Generated {}\n"),
                new ProjectFile("web/node_modules/x/index.js", "module.exports = 1;\n"));

        ScanDigest digest = scanner.scan(files, "names");

        assertEquals(List.of("builder/Builder.java", "src/build.gradle"), digest.tree());
    }

    @Test
    void skipsANulByteAnywhereInTheFirst8KiBButNotLater() {
        String nulEarly = "x".repeat(8 * 1024 - 1) + "\0";
        String nulLate = "x".repeat(8 * 1024) + "\0";

        ScanDigest digest = scanner.scan(List.of(new ProjectFile("early.txt", nulEarly),
                new ProjectFile("late.txt", nulLate)), "nul");

        assertEquals(List.of("late.txt"), digest.tree());
    }

    @Test
    void doesNotFollowSymbolicLinks(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.py"), "TOKEN = 'do not read'\n");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("app.py"), "print('hi')\n");
        Files.createSymbolicLink(project.resolve("linked-folder"), outside);
        Files.createSymbolicLink(project.resolve("linked.py"), outside.resolve("secret.py"));

        ScanDigest digest = scanner.scan(project, "links");

        assertEquals(List.of("app.py"), digest.tree());
    }

    @Test
    void countsAFileOverTheReadLimitBySizeWithoutReadingIt() {
        ScanLimits limits = new ScanLimits(500, 4000, 2000, 12, 100);
        String big = "line\n".repeat(50);

        ScanDigest digest = new ProjectScanner(limits).scan(List.of(
                new ProjectFile("big.py", big), new ProjectFile("small.py", "x = 1\n")), "sizes");

        assertEquals(Set.of("big.py", "small.py"), Set.copyOf(digest.tree()));
        assertEquals(big.length() + 6, digest.totalBytes());
        assertEquals(2, digest.languages().getFirst().files());
        assertEquals(1, digest.languages().getFirst().lines(), "only the small file is read for lines");
    }
}
