package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanDigest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's .gitignore and .conclaveignore files keep what they match out of the digest, on disk and uploaded. */
class IgnoredFilesStayOutOfTheDigestTest {

    private final ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());

    private static FixtureProject project() {
        return new FixtureProject("ignores")
                .file(".gitignore", """
                        # build output and local state
                        *.log
                        !important.log
                        /local.properties
                        generated/
                        cache/**
                        !cache/manifest.json
                        """)
                .file(".conclaveignore", "fixtures/large/\n")
                .file("important.log", "kept by a negation\n")
                .file("src/app.py", "print('hi')\n")
                .file("src/local.properties", "anchored pattern only matches in the root\n")
                .file("src/.gitignore", "!debug.log\n*.tmp\n")
                .file("src/debug.log", "re-included by the nested file\n")
                .file("src/generated.py", "a file named like an ignored folder stays\n")
                .file("cache/manifest.json", "{}\n")
                .file("fixtures/small/data.csv", "a,b\n")
                .skipped("server.log", "ignored by *.log\n")
                .skipped("local.properties", "ignored by the anchored /local.properties\n")
                .skipped("src/scratch.tmp", "ignored by the nested .gitignore\n")
                .skipped("generated/Model.java", "class Model {}\n")
                .skipped("src/generated/Other.java", "class Other {}\n")
                // The folder is ignored, so the negation inside it cannot bring the file back (as in git).
                .skipped("generated/.gitignore", "!Keep.java\n")
                .skipped("generated/Keep.java", "class Keep {}\n")
                .skipped("cache/blob.txt", "ignored by cache/**\n")
                .skipped("fixtures/large/huge.json", "[]\n");
    }

    @Test
    void aDirectoryScanLeavesOutWhatTheIgnoreFilesMatch(@TempDir Path dir) throws IOException {
        FixtureProject project = project();

        ScanDigest digest = scanner.scan(project.writeTo(dir), project.name);

        assertEquals(project.counted.keySet().stream().sorted().toList(), digest.tree());
        assertEquals(project.counted.size(), digest.fileCount());
    }

    @Test
    void anUploadedProjectHonoursItsIgnoreFilesTheSameWay(@TempDir Path dir) throws IOException {
        FixtureProject project = project();

        ScanDigest uploaded = scanner.scan(project.asProjectFiles(), project.name);

        assertEquals(project.counted.keySet().stream().sorted().toList(), uploaded.tree());
        assertEquals(scanner.scan(project.writeTo(dir), project.name), uploaded);
    }

    @Test
    void ignoredSourceAddsNoLinesToTheLanguageTable() {
        List<ProjectFile> files = List.of(
                new ProjectFile(".gitignore", "gen/\n"),
                new ProjectFile("app.py", "x = 1\n"),
                new ProjectFile("gen/big.py", "y = 2\n".repeat(500)));

        ScanDigest digest = scanner.scan(files, "ignored-lines");

        assertEquals(1, digest.languages().stream().filter(l -> l.language().equals("Python")).findFirst()
                .orElseThrow().lines());
    }
}
