package dev.conclave.gateway.deadletters;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.conclave.delivery.PermanentFailure;
import dev.conclave.gateway.security.TestKeys;
import dev.conclave.model.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * A dead letter whose key is a scan id is that scan's tenant's: its admins list, show, re-drive and purge
 * it; every other tenant's admin (the operator's too) gets 404 as for an id that does not exist.
 */
@QuarkusTest
class DeadLettersBelongToTheirScansTenantTest {

    @Inject
    DeadLetterFixture fixture;

    @Test
    void aScansDeadLetterIsSeenByItsTenantOnly() throws Exception {
        String tenant = "dl-" + Long.toString(System.nanoTime(), 36);
        String admin = TestKeys.create("dl admin", "admin", tenant);
        String scan = TestKeys.as(admin).contentType("application/json")
                .body("{\"name\": \"dl\", \"files\": [{\"path\": \"README.md\", \"content\": \"# x\\n\"}]}")
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
        String token = "tenant-letter-" + System.nanoTime();
        fixture.deadLetter(scan, Topics.ROLE_RESULTS, "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                "aggregator", new PermanentFailure("role result of no run (" + token + ")"));

        List<Integer> ids = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                TestKeys.as(admin).queryParam("reason", token).when().get("/api/v1/dead-letters")
                        .then().statusCode(200).extract().<List<Integer>>path("items.id"), found -> found.size() == 1);
        int id = ids.get(0);
        TestKeys.as(admin).when().get("/api/v1/dead-letters/" + id).then().statusCode(200).body("key", equalTo(scan));

        given().queryParam("reason", token).when().get("/api/v1/dead-letters").then().statusCode(200)
                .body("items", empty());
        String missing = given().when().get("/api/v1/dead-letters/" + Integer.MAX_VALUE).then().statusCode(404)
                .extract().path("error");
        given().when().get("/api/v1/dead-letters/" + id).then().statusCode(404)
                .body("error", equalTo(missing.replace(String.valueOf(Integer.MAX_VALUE), String.valueOf(id))));
        given().when().post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(404);
        given().when().delete("/api/v1/dead-letters/" + id).then().statusCode(404);
        given().queryParam("reason", token).when().post("/api/v1/dead-letters/purge").then().statusCode(200)
                .body("purged", equalTo(0));

        TestKeys.as(admin).when().delete("/api/v1/dead-letters/" + id).then().statusCode(204);
    }
}
