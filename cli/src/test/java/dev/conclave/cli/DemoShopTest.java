package dev.conclave.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What most scan tests start from: a working directory of the test's own holding {@code demo-shop}, a project
 * with a README. JUnit runs the fields and the set-up of this class for each subclass's tests.
 */
abstract class DemoShopTest {

    @TempDir
    Path workingDirectory;

    @BeforeEach
    void createDemoShop() throws IOException {
        createIn(workingDirectory);
    }

    /** The {@code demo-shop} project in {@code workingDirectory}, for a test that cannot extend this class. */
    static Path createIn(Path workingDirectory) throws IOException {
        Path project = Files.createDirectories(workingDirectory.resolve("demo-shop"));
        Files.writeString(project.resolve("README.md"), "# Demo shop\n");
        return project;
    }
}
