package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the shipped limits, a zip of 100 MB of zeros (about 100 KB) is refused on its expansion ratio
 * after some 10 MB came out, not after 100 MB; and file:// git URLs are refused unless enabled.
 */
@QuarkusTest
@TestProfile(ProductionIntakeLimits.class)
class ZipBombIsStoppedEarlyTest {
    private static final String NAME = "bomb-" + System.nanoTime();

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @TempDir
    Path repository;

    @Test
    void highRatioZipIsRefusedOnItsRatio() {
        byte[] bomb = TestArchives.zerosZip("zeros.txt", 100L * 1024 * 1024);
        try (ScanRequestsTopic topic = new ScanRequestsTopic(kafkaConfig)) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            given().contentType("application/zip").queryParam("name", NAME).body(bomb)
                    .when().post("/api/v1/scans")
                    .then().statusCode(413)
                    .body("field", equalTo("body"))
                    .body("error", containsString("the limit is 100 (conclave.intake.max-compression-ratio)"));

            UploadOutcome.leftNoTrace(topic, before, NAME);
        }
    }

    @Test
    void fileUrlIsRefusedUnlessEnabled() {
        try (ScanRequestsTopic topic = new ScanRequestsTopic(kafkaConfig)) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            given().contentType("application/json")
                    .body("{\"name\": \"%s\", \"git\": {\"url\": \"%s\"}}".formatted(NAME, repository.toUri()))
                    .when().post("/api/v1/scans")
                    .then().statusCode(400)
                    .body("field", equalTo("git.url"))
                    .body("error", containsString("file URLs are disabled (conclave.intake.git.allow-file)"));

            UploadOutcome.leftNoTrace(topic, before, NAME);
        }
    }
}
