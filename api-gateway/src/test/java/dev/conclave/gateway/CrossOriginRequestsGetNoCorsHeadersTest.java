package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * With no origins configured, CORS is off: a preflight from any origin, and a request carrying an
 * Origin, get no Access-Control-Allow-Origin, so a browser lets no other site read or send to the API.
 */
@QuarkusTest
class CrossOriginRequestsGetNoCorsHeadersTest {

    @Test
    void aPreflightFromAnArbitraryOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .when().options("/api/v1/scans")
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void aReadFromAnotherOriginCarriesNoAllowHeader() {
        given().header("Origin", "https://evil.example")
                .when().get("/api/v1/scans")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
