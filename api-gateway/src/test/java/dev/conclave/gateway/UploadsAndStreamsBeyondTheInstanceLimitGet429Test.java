package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.security.AuthenticatedRestAssured;
import dev.conclave.gateway.limits.RequestLimits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
                    "conclave.limits.followers-per-instance", "2", "conclave.limits.followers-per-key", "10",
                    // room for a body larger than the server's input buffer (10 KiB), so the resource starts reading it
                    "conclave.intake.max-total-bytes", "100000");
        }
    }

    @Inject
    RequestLimits limits;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aThirdUploadWaitsForTheFirstTwo() throws Exception {
        List<Socket> slow = new ArrayList<>();
        List<byte[]> rests = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                byte[] body = manyFiles("slow-upload-" + i + "-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                // Headers and the first 16 KB now (past the server's 10 KiB input buffer, so the resource is reading), the rest later.
                out.write(("POST /api/v1/scans HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + AuthenticatedRestAssured.bootstrapKey() + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 16_000);
                out.flush();
                slow.add(socket);
                rests.add(Arrays.copyOfRange(body, 16_000, body.length));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> limits.uploadsInUse() == 2);

            given().contentType("application/json").body(Projects.greeter("third-upload"))
                    .when().post("/api/v1/scans")
                    .then().statusCode(429)
                    .header("Retry-After", "2")
                    .body("error", containsString("conclave.limits.uploads-per-instance=2"));

            for (int i = 0; i < 2; i++) {
                slow.get(i).getOutputStream().write(rests.get(i));
                slow.get(i).getOutputStream().flush();
                String status = new String(slow.get(i).getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 202", status, "the held uploads finish once their bodies arrive");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> limits.uploadsInUse() == 0);
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
                http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/scans/" + scanId + "/events"))
                        .header("Authorization", "Bearer " + AuthenticatedRestAssured.bootstrapKey()).GET().build(),
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

    /** A valid submission of about 25 KB: fifteen files of 1 500 bytes (the test profile allows 2 000 per file). */
    private static String manyFiles(String name) {
        StringBuilder files = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            files.append(i == 0 ? "" : ",").append("{\"path\": \"src/f").append(i).append(".py\", \"content\": \"")
                    .append("x = 1\\n".repeat(250)).append("\"}");
        }
        return "{\"name\": \"" + name + "\", \"files\": [" + files + "]}";
    }
}
