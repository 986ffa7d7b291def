package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.security.AuthenticatedRestAssured;
import dev.conclave.gateway.persistence.ScanEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request bodies are application/json, or application/zip / application/gzip to POST /api/v1/scans:
 * a cross-site text/plain or form POST (which a browser sends without a preflight), a body without a
 * Content-Type, and an archive to a JSON endpoint get 415 naming the accepted types, on every POST
 * endpoint, and store nothing. Body-less POSTs need no Content-Type.
 */
@QuarkusTest
class OnlyJsonAndArchiveBodiesAreAcceptedTest {
    private static final String NAME = "content-type-" + System.nanoTime();
    private static final String SOME_ID = UUID.randomUUID().toString();

    @TestHTTPResource("/")
    URI base;

    static Stream<String> everyPostEndpoint() {
        return Stream.of("/api/v1/scans", "/api/v1/scans/" + SOME_ID + "/runs", "/api/v1/scans/" + SOME_ID + "/cancel",
                "/api/v1/replays", "/api/v1/replays/" + SOME_ID + "/pause", "/api/v1/replays/" + SOME_ID + "/resume",
                "/api/v1/replays/" + SOME_ID + "/cancel", "/api/v1/dead-letters/1/redrive", "/api/v1/dead-letters/redrive",
                "/api/v1/dead-letters/purge");
    }

    @ParameterizedTest(name = "text/plain to {0}")
    @MethodSource("everyPostEndpoint")
    void crossSiteTextPlainIsRefused(String path) {
        refused(given().contentType("text/plain;charset=UTF-8").body(Projects.greeter(NAME)), path, "Content-Type text/plain");
    }

    @ParameterizedTest(name = "form to {0}")
    @MethodSource("everyPostEndpoint")
    void crossSiteFormIsRefused(String path) {
        refused(given().contentType("application/x-www-form-urlencoded").body("name=" + NAME), path,
                "Content-Type application/x-www-form-urlencoded");
    }

    @ParameterizedTest(name = "no Content-Type to {0}")
    @MethodSource("everyPostEndpoint")
    void aBodyWithoutContentTypeIsRefused(String path) throws Exception {
        // A Blob body in fetch() goes cross-site like this, without a preflight.
        HttpResponse<String> answer = post(path, HttpRequest.BodyPublishers.ofString(Projects.greeter(NAME)));
        assertEquals(415, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("a request body without a Content-Type is not accepted"), answer.body());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", NAME)));
    }

    @Test
    void theOldArchiveAliasesAreRefused() {
        for (String alias : new String[] {"application/x-zip-compressed", "application/x-gzip", "application/x-tar+gzip"}) {
            refused(given().contentType(alias).queryParam("name", NAME).body(new byte[] {1, 2, 3}), "/api/v1/scans",
                    "Content-Type " + alias);
        }
    }

    @Test
    void anArchiveToAJsonEndpointIsRefused() {
        refused(given().contentType("application/zip").body(new byte[] {1, 2, 3}), "/api/v1/scans/" + SOME_ID + "/runs",
                "Content-Type application/zip on this endpoint");
        refused(given().contentType("application/gzip").body(new byte[] {1, 2, 3}), "/api/v1/replays",
                "Content-Type application/gzip on this endpoint");
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        given().contentType("application/json; charset=UTF-8").body(Projects.greeter(NAME + "-json"))
                .when().post("/api/v1/scans").then().statusCode(202);
    }

    @ParameterizedTest(name = "body-less POST to {0}")
    @MethodSource("everyPostEndpoint")
    void bodyLessPostsNeedNoContentType(String path) throws Exception {
        HttpResponse<String> answer = post(path, HttpRequest.BodyPublishers.noBody());
        assertNotEquals(415, answer.statusCode(), answer.body());
        if (path.equals("/api/v1/scans")) {
            assertEquals(400, answer.statusCode(), "a scan needs a body, and is told so: " + answer.body());
        }
    }

    @ParameterizedTest(name = "body-less text/plain POST to {0}")
    @MethodSource("everyPostEndpoint")
    void anEmptyBodysTypeIsIgnored(String path) {
        // RestAssured, like some clients, sends a text/plain Content-Type with an empty POST.
        given().when().post(path).then().statusCode(not(415));
    }

    /** A POST with no Content-Type header at all, which RestAssured cannot send. */
    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + AuthenticatedRestAssured.bootstrapKey()).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void refused(RequestSpecification request, String path, String what) {
        request.when().post(path)
                .then().statusCode(415)
                .body("field", equalTo("Content-Type"))
                .body("error", containsString(what))
                .body("error", containsString("application/json"))
                .body("error", containsString("application/zip or application/gzip"));
        long stored = QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", NAME));
        assertEquals(0, stored, "nothing may be stored");
    }
}
