package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every list endpoint has a documented largest page and answers 400 naming it beyond; the control
 * bodies (a rerun, a replay order) are read as streams and refused with 413 past their limit.
 */
@QuarkusTest
class EveryListEndpointRefusesAnOversizedPageTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/scans", "/api/v1/replays", "runs"})
    void aPageOverTheMaximumIsRefused(String path) {
        String list = path.equals("runs") ? "/api/v1/scans/" + scan() + "/runs" : path;
        for (int limit : new int[] {0, 501}) {
            given().queryParam("limit", limit).when().get(list)
                    .then().statusCode(400)
                    .body("field", equalTo("limit"))
                    .body("error", containsString("1 to 500 (conclave.limits.max-page-size)"));
        }
        given().queryParam("limit", 500).when().get(list).then().statusCode(200);
    }

    @Test
    void deadLettersHaveTheirOwnMaximum() {
        given().queryParam("limit", 501).when().get("/api/v1/dead-letters")
                .then().statusCode(400)
                .body("field", equalTo("limit"))
                .body("error", containsString("conclave.dead-letters.max-page-size"));
    }

    @Test
    void runsArePagedByRunNumber() {
        String scanId = scan();
        given().contentType("application/json").when().post("/api/v1/scans/" + scanId + "/runs").then().statusCode(202);
        given().queryParam("limit", 1).when().get("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].run", equalTo(1));
        given().queryParam("from", 2).when().get("/api/v1/scans/" + scanId + "/runs")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].run", equalTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/replays", "runs"})
    void anOversizedControlBodyIsRefusedWhileRead(String path) {
        String target = path.equals("runs") ? "/api/v1/scans/" + scan() + "/runs" : path;
        String padding = "x".repeat(70_000);
        given().contentType("application/json").body("{\"roles\": [\"" + padding + "\"]}")
                .when().post(target)
                .then().statusCode(413)
                .body("field", equalTo("body"))
                .body("error", containsString("the limit is 65536 (conclave.limits.max-control-body-bytes)"));
    }

    private static String scan() {
        return given().contentType("application/json").body(Projects.greeter("paged-" + System.nanoTime()))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
    }
}
