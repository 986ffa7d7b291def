package dev.conclave.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Keys are an admin's: an admin manages its tenant's keys; only the operator tenant's admins create keys
 * in another tenant (which is how a tenant comes to exist) and see every tenant's. Revoking is idempotent.
 */
@QuarkusTest
class OnlyAdminsManageKeysAndOnlyTheOperatorAcrossTenantsTest {

    @Test
    void aTenantAdminStaysInItsTenant() {
        String tenant = "acme-" + Long.toString(System.nanoTime(), 36);
        String other = "globex-" + Long.toString(System.nanoTime(), 36);
        String admin = TestKeys.create("acme admin", "admin", tenant);
        String otherViewer = TestKeys.create("globex viewer", "viewer", other);

        TestKeys.as(admin).contentType("application/json")
                .body("{\"name\": \"sneaky\", \"role\": \"admin\", \"tenant\": \"" + other + "\"}")
                .when().post("/api/v1/keys").then().statusCode(403)
                .body("field", equalTo("tenant")).body("error", containsString("operator tenant"));
        String own = TestKeys.as(admin).contentType("application/json")
                .body("{\"name\": \"acme ci\", \"role\": \"submitter\", \"ttlDays\": 30}")
                .when().post("/api/v1/keys").then().statusCode(201)
                .body("tenant", equalTo(tenant)).body("expiresAt", notNullValue())
                .body("createdBy", equalTo(admin.substring(0, 12)))
                .extract().path("id");

        TestKeys.as(admin).when().get("/api/v1/keys").then().statusCode(200)
                .body("tenant", everyItem(equalTo(tenant))).body("id", hasItem(own));
        String otherId = given().when().get("/api/v1/keys").then().statusCode(200)
                .body("tenant", hasItem(other))
                .extract().path("find { it.prefix == '" + otherViewer.substring(0, 12) + "' }.id");
        TestKeys.as(admin).when().delete("/api/v1/keys/" + otherId).then().statusCode(404)
                .body("error", containsString("no key " + otherId));

        String first = TestKeys.as(admin).when().delete("/api/v1/keys/" + own).then().statusCode(200)
                .body("revokedAt", notNullValue()).extract().path("revokedAt");
        String again = TestKeys.as(admin).when().delete("/api/v1/keys/" + own).then().statusCode(200)
                .extract().path("revokedAt");
        assertEquals(first, again, "revoking again changes nothing");

        TestKeys.as(TestKeys.create("acme viewer", "viewer", tenant)).when().get("/api/v1/keys").then().statusCode(403);
        TestKeys.as(TestKeys.create("acme submitter", "submitter", tenant)).contentType("application/json")
                .body("{\"name\": \"x\", \"role\": \"admin\"}").when().post("/api/v1/keys").then().statusCode(403);
    }

    @Test
    void malformedOrdersNameTheField() {
        refused("{\"role\": \"viewer\"}", "name");
        refused("{\"name\": \"x\", \"role\": \"root\"}", "role");
        refused("{\"name\": \"x\", \"role\": \"viewer\", \"tenant\": \"Not A Tenant\"}", "tenant");
        refused("{\"name\": \"x\", \"role\": \"viewer\", \"ttlDays\": 0}", "ttlDays");
        refused("{\"name\": \"x\", \"role\": \"viewer\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}", "expiresAt");
        refused("{\"name\": \"x\", \"role\": \"viewer\", \"expiresAt\": \"tomorrow\"}", "expiresAt");
        refused("{\"name\": \"x\", \"role\": \"viewer\", \"ttlDays\": 3, \"expiresAt\": \"2099-01-01T00:00:00Z\"}", "ttlDays");
        refused("{\"name\": \"x\", \"role\": \"viewer\", \"secret\": \"mine\"}", "secret");
        refused("[1]", "body");
    }

    private static void refused(String body, String field) {
        given().contentType("application/json").body(body).when().post("/api/v1/keys")
                .then().statusCode(400).body("field", equalTo(field));
    }
}
