package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A git URL and ref become a scan of that ref's files (file:// is enabled in the test profile only). */
@QuarkusTest
class GitRepositoryBecomesAScanTest {

    @TempDir
    Path repository;

    @Test
    void branchOfALocalRepositoryBecomesAScan() throws Exception {
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            write("README.md", "# Greeter\nGreets people.\n");
            write("greeter/app.py", "def greet(name):\n    return 'hi ' + name\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
            git.tag().setName("v1").call();
            write("tests/test_app.py", "def test_greet():\n    assert True\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("tests").setSign(false).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
        }
        String url = repository.toUri().toString();
        String name = "git-" + System.nanoTime();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            String main = submit(name, url, "main");
            String tag = submit(name + "-v1", url, "v1");

            ScanRequest atMain = UploadOutcome.published(topic, before, main);
            assertEquals(3, atMain.digest().fileCount(), "tree: " + atMain.digest().tree());
            assertTrue(atMain.digest().facts().hasTests());
            ScanRequest atTag = UploadOutcome.published(topic, before, tag);
            assertEquals(2, atTag.digest().fileCount(), "the tag is the first commit: " + atTag.digest().tree());
        }

        given().contentType("application/json")
                .body("{\"name\": \"%s\", \"git\": {\"url\": \"%s\", \"ref\": \"no-such-branch\"}}".formatted(name, url))
                .when().post("/api/v1/scans")
                .then().statusCode(400).body("field", equalTo("git.ref")).body("error", containsString("no branch or tag 'no-such-branch'"));
    }

    private String submit(String name, String url, String ref) {
        return given().contentType("application/json")
                .body("{\"name\": \"%s\", \"git\": {\"url\": \"%s\", \"ref\": \"%s\"}}".formatted(name, url, ref))
                .when().post("/api/v1/scans")
                .then().statusCode(202)
                .extract().path("scanId");
    }

    private void write(String path, String content) throws Exception {
        Path file = repository.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
