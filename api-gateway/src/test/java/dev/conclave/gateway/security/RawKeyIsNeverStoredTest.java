package dev.conclave.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** A key's text is in the answer to its creation only: the table holds its hash and prefix, lists show neither secret. */
@QuarkusTest
class RawKeyIsNeverStoredTest {

    @Inject
    EntityManager em;

    @Test
    void theKeyIsShownOnceAndOnlyItsHashIsStored() {
        JsonPath created = given().contentType("application/json").body("{\"name\": \"ci\", \"role\": \"submitter\"}")
                .when().post("/api/v1/keys")
                .then().statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
        String key = created.getString("key");
        ApiKeyText text = ApiKeyText.parse(key).orElseThrow(() -> new AssertionError("not a key: " + created.prettify()));
        String secret = text.secret();
        assertTrue(secret.length() >= 32, "32+ characters of secret");
        assertEquals(text.visiblePrefix(), created.getString("prefix"));

        String row = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select row_to_json(k)::text from api_key k where k.prefix = ?1").setParameter(1, text.visiblePrefix())
                .getSingleResult());
        assertTrue(row.contains(text.hash()), "the SHA-256 is stored: " + row);
        assertTrue(!row.contains(secret), "the secret is not: " + row);
        Number anywhere = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery("""
                select count(*) from api_key k where row_to_json(k)::text like ?1""")
                .setParameter(1, "%" + secret + "%").getSingleResult());
        assertEquals(0, anywhere.intValue());

        given().when().get("/api/v1/keys").then().statusCode(200)
                .body(not(containsString(secret)))
                .body("find { it.prefix == '" + text.visiblePrefix() + "' }.key", org.hamcrest.Matchers.nullValue())
                .body("find { it.prefix == '" + text.visiblePrefix() + "' }.role", org.hamcrest.Matchers.equalTo("submitter"));

        String another = TestKeys.create("ci", "submitter", "default");
        assertNotEquals(key, another, "every key is random");
    }
}
