package dev.conclave.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.persistence.ApiKeyEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Every path but health needs a key: no key, a header that is not Bearer, an unknown, a revoked and an
 * expired key each get 401 with WWW-Authenticate: Bearer and a JSON body saying what to do; unknown and
 * revoked read the same, so an answer never tells which keys exist.
 */
@QuarkusTest
class MissingRefusedAndExpiredKeysAreAnswered401Test {

    @Test
    void noKeyIsRefusedEverywhereButHealth() {
        for (String path : new String[] {"/api/v1/scans", "/api/v1/keys", "/api/v1/replays", "/api/v1/dead-letters",
                "/q/openapi"}) {
            given().header("Authorization", "").when().get(path)
                    .then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .contentType("application/json")
                    .body("error", containsString("Authorization: Bearer <key>"))
                    .body("field", equalTo("Authorization"));
        }
        given().header("Authorization", "").contentType("application/json").body("{}")
                .when().post("/api/v1/scans").then().statusCode(401);
        given().header("Authorization", "").when().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", "").when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aHeaderThatIsNotBearerSaysHowToSendTheKey() {
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").when().get("/api/v1/scans")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error", containsString("is not 'Bearer <key>'"));
    }

    @Test
    void unknownAndRevokedKeysGetTheSameAnswer() {
        String unknown = TestKeys.as(ApiKeyText.generate(new SecureRandom()).text()).when().get("/api/v1/scans")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").extract().path("error");
        String garbage = TestKeys.as("not-a-key").when().get("/api/v1/scans")
                .then().statusCode(401).extract().path("error");

        String key = TestKeys.create("soon revoked", "viewer", "default");
        TestKeys.as(key).when().get("/api/v1/scans").then().statusCode(200);
        String id = given().when().get("/api/v1/keys").then().statusCode(200)
                .extract().path("find { it.prefix == '" + key.substring(0, 12) + "' }.id");
        given().when().delete("/api/v1/keys/" + id).then().statusCode(200);
        String revoked = TestKeys.as(key).when().get("/api/v1/scans")
                .then().statusCode(401).extract().path("error");

        assertEquals(unknown, revoked, "a revoked key reads as an unknown one");
        assertEquals(unknown, garbage);
    }

    @Test
    void anExpiredKeyIsRefusedAndSaysWhen() {
        String key = TestKeys.create("expired", "viewer", "default");
        String hash = ApiKeyText.parse(key).orElseThrow().hash();
        Instant past = Instant.now().minus(1, ChronoUnit.MINUTES);
        QuarkusTransaction.requiringNew().run(() -> ApiKeyEntity.update("expiresAt = ?1 where hash = ?2", past, hash));

        TestKeys.as(key).when().get("/api/v1/scans")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error", containsString(key.substring(0, 12) + " expired at"))
                .body("error", containsString("ask an admin for a new key"));
    }
}
