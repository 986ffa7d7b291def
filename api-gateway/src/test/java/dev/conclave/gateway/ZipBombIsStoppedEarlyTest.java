package dev.conclave.gateway;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
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


    @TempDir
    Path repository;

    @Test
    void highRatioZipIsRefusedOnItsRatio() {
        byte[] bomb = TestArchives.zerosZip("zeros.txt", 100L * 1024 * 1024);
        UploadOutcome.refusedWithoutTrace(NAME,
                given().contentType("application/zip").queryParam("name", NAME).body(bomb),
                413, "body", "the limit is 100 (conclave.intake.max-compression-ratio)");
    }

    @Test
    void fileUrlIsRefusedUnlessEnabled() {
        UploadOutcome.refusedWithoutTrace(NAME, given().contentType("application/json")
                .body("{\"name\": \"%s\", \"git\": {\"url\": \"%s\"}}".formatted(NAME, repository.toUri())),
                400, "git.url", "file URLs are disabled (conclave.intake.git.allow-file)");
    }
}
