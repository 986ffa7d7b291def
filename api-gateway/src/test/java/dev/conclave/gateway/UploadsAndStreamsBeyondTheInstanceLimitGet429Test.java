package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.limits.RequestLimits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The limits one gateway instance shares among all keys, over HTTP: with two uploads being read, a
 * third is answered 429 with Retry-After naming conclave.limits.uploads-per-instance, and is accepted
 * once they finished; with two event streams open, a third is answered 429 naming
 * conclave.limits.followers-per-instance, and the slots free when the followers leave.
 */
@QuarkusTest
@TestProfile(UploadsAndStreamsBeyondTheInstanceLimitGet429Test.TwoPerInstance.class)
class UploadsAndStreamsBeyondTheInstanceLimitGet429Test {

    /** Two of each per instance; per key more, so the instance limit is the one met. */
    public static class TwoPerInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("conclave.limits.uploads-per-instance", "2", "conclave.limits.uploads-per-key", "10",
                    "conclave.limits.followers-per-instance", "2", "conclave.limits.followers-per-key", "10");
        }
    }

    @Inject
    RequestLimits limits;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aThirdUploadWaitsForTheFirstTwo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < 2; i++) {
                String body = Projects.greeter("slow-upload-" + i + "-" + System.nanoTime());
                slow.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/scans"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> heldBack(body, release))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> limits.uploadsInUse() == 2);

            given().contentType("application/json").body(Projects.greeter("third-upload"))
                    .when().post("/api/v1/scans")
                    .then().statusCode(429)
                    .header("Retry-After", "2")
                    .body("error", containsString("conclave.limits.uploads-per-instance=2"));

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : slow) {
                assertEquals(202, answer.get().statusCode(), answer.get().body());
            }
        }
        assertEquals(0, limits.uploadsInUse());
        given().contentType("application/json").body(Projects.greeter("third-upload"))
                .when().post("/api/v1/scans").then().statusCode(202);
    }

    @Test
    void aThirdFollowerWaitsForOneToLeave() {
        String scanId = given().contentType("application/json").body(Projects.greeter("followed-" + System.nanoTime()))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 2; i++) {
                http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/scans/" + scanId + "/events")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> limits.followersInUse() == 2);

            given().when().get("/api/v1/scans/" + scanId + "/events")
                    .then().statusCode(429)
                    .header("Retry-After", "2")
                    .body("error", containsString("conclave.limits.followers-per-instance=2"));
        } finally {
            http.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> limits.followersInUse() == 0);
        assertTrue(limits.followersInUse() == 0, "followers that left hold no slot");
    }

    /** The first bytes of {@code body} at once, the rest once {@code release} opens: an upload in progress. */
    private static InputStream heldBack(String body, CountDownLatch release) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        InputStream rest = new InputStream() {
            private final InputStream remaining = new ByteArrayInputStream(bytes, 10, bytes.length - 10);

            @Override
            public int read() throws java.io.IOException {
                await();
                return remaining.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                await();
                return remaining.read(buffer, offset, length);
            }

            private void await() throws java.io.IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("released early");
                }
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(bytes, 0, 10), rest);
    }
}
