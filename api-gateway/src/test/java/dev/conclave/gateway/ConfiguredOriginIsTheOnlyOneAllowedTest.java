package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With one origin configured, exactly that origin is allowed across origins; any other still is not. */
@QuarkusTest
@TestProfile(ConfiguredOriginIsTheOnlyOneAllowedTest.OneOrigin.class)
class ConfiguredOriginIsTheOnlyOneAllowedTest {
    private static final String CONSOLE = "https://console.example.com";

    /** CORS on, for the console's origin only. */
    public static class OneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", CONSOLE);
        }
    }

    @Test
    void theConfiguredOriginIsAllowed() {
        given().header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/v1/scans")
                .then().header("Access-Control-Allow-Origin", equalTo(CONSOLE));
    }

    @Test
    void anotherOriginIsNot() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/scans")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://console.example.com.evil.example")
                .when().get("/api/v1/scans")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
