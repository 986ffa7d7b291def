package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.FileExcerpt;
import dev.conclave.model.ScanDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

    private static ScanDigest scan(ScanLimits limits, ProjectFile... files) {
        return new ProjectScanner(limits).scan(List.of(files), "excerpts");
    }

    private static ScanDigest scan(ProjectFile... files) {
        return scan(ScanLimits.defaults(), files);
    }

    @Test
    void keepsAShortReadmeWholeAndUntruncated() {
        FileExcerpt readme = scan(new ProjectFile("README.md", "# Hello\n")).readme();

        assertEquals(new FileExcerpt("README.md", "# Hello\n", false), readme);
    }

    @Test
    void cutsALongReadmeWithinTheLimitAndSaysSo() {
        String text = "word ".repeat(2000);

        FileExcerpt readme = scan(new ProjectFile("README.md", text)).readme();

        assertTrue(readme.truncated());
        assertTrue(readme.content().length() <= 4000, readme.content());
        // The compressor marks what it cut where it cut it, so a reader (or a model) knows text is missing.
        assertTrue(readme.content().contains("[truncated") || readme.content().contains("[shortened"), readme.content());
    }

    @Test
    void prefersTheTopLevelReadmeWhateverItsCase() {
        FileExcerpt readme = scan(new ProjectFile("docs/README.md", "nested\n"),
                new ProjectFile("readme.rst", "Top\n===\n")).readme();

        assertEquals("readme.rst", readme.path());
    }

    @Test
    void fallsBackToTheShallowestNestedReadme() {
        FileExcerpt readme = scan(new ProjectFile("a/b/README", "deep\n"), new ProjectFile("pkg/README.txt", "pkg\n"))
                .readme();

        assertEquals("pkg/README.txt", readme.path());
    }

    @Test
    void aProjectWithoutReadmeHasNoExcerptAndNoReadmeFact() {
        ScanDigest digest = scan(new ProjectFile("main.py", "print()\n"));

        assertNull(digest.readme());
        assertFalse(digest.facts().hasReadme());
    }

    @Test
    void excerptsManifestsUpToTheirLimitsButListsThemAll() {
        ScanLimits limits = new ScanLimits(500, 4000, 10, 2, 1024 * 1024);
        List<ProjectFile> files = new ArrayList<>();
        files.add(new ProjectFile("pom.xml", "<project>0123456789</project>\n"));
        files.add(new ProjectFile("a/package.json", "{}\n"));
        files.add(new ProjectFile("b/go.mod", "module b\n"));

        ScanDigest digest = new ProjectScanner(limits).scan(files, "manifests");

        assertEquals(List.of(new FileExcerpt("pom.xml", "<project>0", true), new FileExcerpt("a/package.json", "{}\n", false)),
                digest.manifests());
        assertEquals(List.of("pom.xml", "a/package.json", "b/go.mod"), digest.facts().manifests());
    }

    @Test
    void neverCutsAnExcerptInsideACharacter() {
        ScanLimits limits = new ScanLimits(500, 3, 2000, 12, 1024 * 1024);

        FileExcerpt readme = scan(limits, new ProjectFile("README.md", "ab\uD83D\uDE00cd")).readme();

        assertEquals("ab", readme.content());
        assertTrue(readme.truncated());
    }
}
