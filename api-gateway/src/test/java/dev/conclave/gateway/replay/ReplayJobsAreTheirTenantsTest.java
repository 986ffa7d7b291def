package dev.conclave.gateway.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.conclave.gateway.security.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * A replay job selects only its tenant's scans, and only its tenant's admins see or change it: another
 * tenant's job reads as one that does not exist.
 */
@QuarkusTest
class ReplayJobsAreTheirTenantsTest {

    @Inject
    EntityManager em;

    @Test
    void aJobSelectsAndShowsOnlyItsTenantsScans() {
        String prefix = "tenant-replay-" + System.nanoTime();
        new ClosedScans(em).submitClosed(prefix, 2);
        String otherAdmin = TestKeys.create("other admin", "admin", "rp-" + Long.toString(System.nanoTime(), 36));
        String dryRun = "{\"filter\": {\"namePattern\": \"" + prefix + "-*\"}, \"dryRun\": true}";

        given().contentType("application/json").body(dryRun).when().post("/api/v1/replays")
                .then().statusCode(200).body("scans", equalTo(2));
        TestKeys.as(otherAdmin).contentType("application/json").body(dryRun).when().post("/api/v1/replays")
                .then().statusCode(200).body("scans", equalTo(0));

        String job = given().contentType("application/json")
                .body("{\"filter\": {\"namePattern\": \"" + prefix + "-*\"}, \"maxInFlight\": 1}")
                .when().post("/api/v1/replays").then().statusCode(202).extract().path("id");
        try {
            TestKeys.as(otherAdmin).when().get("/api/v1/replays").then().statusCode(200).body("id", not(hasItem(job)));
            String missing = TestKeys.as(otherAdmin).when().get("/api/v1/replays/" + java.util.UUID.randomUUID())
                    .then().statusCode(404).extract().path("error");
            TestKeys.as(otherAdmin).when().get("/api/v1/replays/" + job).then().statusCode(404)
                    .body("error", equalTo(missing.replaceAll("[0-9a-f-]{36}", job)));
            TestKeys.as(otherAdmin).when().post("/api/v1/replays/" + job + "/pause").then().statusCode(404);
            TestKeys.as(otherAdmin).when().post("/api/v1/replays/" + job + "/cancel").then().statusCode(404);
            given().when().get("/api/v1/replays").then().statusCode(200).body("id", hasItem(job));
        } finally {
            given().when().post("/api/v1/replays/" + job + "/cancel").then().statusCode(200);
        }
    }
}
