package dev.conclave.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanDigest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CLI scans a directory, the gateway scans uploaded files: the same project must give the same digest. */
class DirectoryAndFileListScansAgreeTest {

    static List<FixtureProject> fixtures() {
        return FixtureProject.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void directoryAndFileListScansGiveAnEqualDigest(FixtureProject fixture, @TempDir Path dir) throws IOException {
        // Small limits so that truncation of the tree and excerpts is compared too.
        ProjectScanner scanner = new ProjectScanner(new ScanLimits(5, 40, 30, 1, 1024 * 1024));

        ScanDigest fromDirectory = scanner.scan(fixture.writeTo(dir), fixture.name);
        ScanDigest fromFiles = scanner.scan(fixture.asProjectFiles(), fixture.name);

        assertEquals(fromDirectory, fromFiles);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theOrderOfUploadedFilesDoesNotMatter(FixtureProject fixture) {
        ProjectScanner scanner = new ProjectScanner(ScanLimits.defaults());
        List<ProjectFile> reversed = new ArrayList<>(fixture.asProjectFiles());
        Collections.reverse(reversed);

        assertEquals(scanner.scan(fixture.asProjectFiles(), fixture.name), scanner.scan(reversed, fixture.name));
    }
}
