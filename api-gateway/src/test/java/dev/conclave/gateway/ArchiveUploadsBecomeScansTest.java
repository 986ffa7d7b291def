package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.ScanRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A .zip or .tar.gz body becomes a scan whose digest holds the archive's files; options come as query parameters. */
@QuarkusTest
class ArchiveUploadsBecomeScansTest {

    @Test
    void zipBecomesAScanOfItsFiles() {
        String name = "zip-" + System.nanoTime();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            String scanId = given().contentType("application/zip").queryParam("name", name).queryParam("roles", "architect,business")
                    .body(TestArchives.project().zip())
                    .when().post("/api/v1/scans")
                    .then().statusCode(202).body("status", equalTo("QUEUED"))
                    .extract().path("scanId");

            ScanRequest request = UploadOutcome.published(topic, before, scanId);
            assertEquals(name, request.projectName());
            assertEquals(List.of("architect", "business"), request.roles());
            assertEquals(3, request.digest().fileCount());
            assertTrue(request.digest().tree().containsAll(List.of("README.md", "greeter/app.py", "tests/test_app.py")),
                    "digest tree: " + request.digest().tree());
            assertTrue(request.digest().facts().hasTests());
        }
    }

    @Test
    void tarGzBecomesAScanAndALinkInsideTheProjectIsLeftOut() {
        String name = "targz-" + System.nanoTime();
        byte[] archive = TestArchives.project().symlink("docs/README.md", "../README.md").tarGz();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            String scanId = given().contentType("application/gzip").queryParam("name", name).queryParam("deadlineSeconds", 120)
                    .body(archive)
                    .when().post("/api/v1/scans")
                    .then().statusCode(202)
                    .extract().path("scanId");

            ScanRequest request = UploadOutcome.published(topic, before, scanId);
            assertEquals(3, request.digest().fileCount(), "the link is not a file of the project");
            assertTrue(request.digest().tree().contains("greeter/app.py"), "digest tree: " + request.digest().tree());
            assertEquals(120, request.deadline().getEpochSecond() - request.requestedAt().getEpochSecond());
        }
    }

    @Test
    void badOptionsAreRefusedBeforeTheArchiveIsRead() {
        String name = "archive-options-" + System.nanoTime();
        try (ScanRequestsTopic topic = new ScanRequestsTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            given().contentType("application/zip").body(TestArchives.project().zip())
                    .when().post("/api/v1/scans")
                    .then().statusCode(400).body("field", equalTo("name")).body("error", containsString("name is missing"));
            given().contentType("application/zip").queryParam("name", name).queryParam("roles", "astrologer")
                    .body(TestArchives.project().zip())
                    .when().post("/api/v1/scans")
                    .then().statusCode(400).body("field", equalTo("roles"));
            given().contentType("application/gzip").queryParam("name", name).body(TestArchives.project().zip())
                    .when().post("/api/v1/scans")
                    .then().statusCode(400).body("field", equalTo("body")).body("error", containsString("not a readable gzip-compressed tar archive"));

            UploadOutcome.leftNoTrace(topic, before, name);
        }
    }
}
