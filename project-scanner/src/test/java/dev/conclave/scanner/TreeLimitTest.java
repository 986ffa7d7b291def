package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanDigest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TreeLimitTest {

    private static List<ProjectFile> files(int count) {
        // Written in reverse so that the digest has to sort them.
        return IntStream.range(0, count)
                .mapToObj(i -> new ProjectFile("src/file" + (count - 1 - i) + ".py", "x = 1\n"))
                .toList();
    }

    private static ScanDigest scanWithTreeLimit(int limit, List<ProjectFile> files) {
        return new ProjectScanner(new ScanLimits(limit, 4000, 2000, 12, 1024 * 1024)).scan(files, "tree");
    }

    @Test
    void cutsTheTreeAtTheLimitAndSaysSo() {
        ScanDigest digest = scanWithTreeLimit(3, files(5));

        assertEquals(List.of("src/file0.py", "src/file1.py", "src/file2.py"), digest.tree());
        assertTrue(digest.treeTruncated());
    }

    @Test
    void aCutTreeStillCountsEveryFile() {
        ScanDigest digest = scanWithTreeLimit(3, files(5));

        assertEquals(5, digest.fileCount());
        assertEquals(5, digest.facts().sourceFiles());
        assertEquals(5, digest.languages().getFirst().files());
    }

    @Test
    void aTreeExactlyAtTheLimitIsNotTruncated() {
        ScanDigest digest = scanWithTreeLimit(5, files(5));

        assertEquals(5, digest.tree().size());
        assertFalse(digest.treeTruncated());
    }

    @Test
    void theDefaultLimitIs500Entries() {
        ScanDigest digest = new ProjectScanner(ScanLimits.defaults()).scan(files(501), "tree");

        assertEquals(500, digest.tree().size());
        assertTrue(digest.treeTruncated());
    }
}
