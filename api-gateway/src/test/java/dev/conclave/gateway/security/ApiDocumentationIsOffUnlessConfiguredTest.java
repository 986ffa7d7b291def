package dev.conclave.gateway.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production's default: the OpenAPI document and Swagger UI are built in but not served, even with a key. */
@QuarkusTest
@TestProfile(ApiDocumentationIsOffUnlessConfiguredTest.ProductionDocumentation.class)
class ApiDocumentationIsOffUnlessConfiguredTest {

    /** The %test profile turns them on; production's properties, set here, turn them off. */
    public static class ProductionDocumentation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-openapi.enable", "false", "quarkus.swagger-ui.enable", "false");
        }
    }

    @Test
    void neitherTheDocumentNorTheUiIsServed() {
        given().when().get("/q/openapi").then().statusCode(404);
        given().when().get("/q/swagger-ui/").then().statusCode(404);
        given().header("Authorization", "").when().get("/q/openapi").then().statusCode(401);
        given().when().get("/api/v1/scans?limit=1").then().statusCode(200);
    }
}
