package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.persistence.RunKey;
import dev.conclave.gateway.security.TestKeys;
import dev.conclave.gateway.persistence.ScanRunEntity;
import dev.conclave.model.RunCancel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/scans/{id}/cancel}: a queued run's cancel is stored with who asked and announced
 * on Redis; asking again keeps the first asker; a closed run is refused with its status; what does not
 * exist is a 404 naming the field.
 */
@QuarkusTest
class CancelIsStoredAnnouncedAndRefusedOnceClosedTest {

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @Test
    void queuedRunIsCancelledOnceAndAnnounced() {
        List<String> announced = new CopyOnWriteArrayList<>();
        var subscriber = redis.pubsub(String.class).subscribe(RunCancel.CHANNEL, announced::add);
        try {
            UUID scanId = submit("cancel-queued");

            given().when().post("/api/v1/scans/" + scanId + "/cancel")
                    .then().statusCode(202)
                    .body("scanId", equalTo(scanId.toString()))
                    .body("run", equalTo(1))
                    .body("status", equalTo("QUEUED"))
                    .body("runInfo.cancelRequestedAt", notNullValue());
            ScanRunEntity first = run(scanId);
            TestKeys.as(TestKeys.create("bob", "admin", "default")).when().post("/api/v1/scans/" + scanId + "/cancel?run=1")
                    .then().statusCode(202);

            ScanRunEntity again = run(scanId);
            assertTrue(again.cancelledBy.endsWith("(local admin)"), "the first asker is kept: " + again.cancelledBy);
            assertEquals(first.cancelRequestedAt, again.cancelRequestedAt, "asking again changes nothing stored");
            await().atMost(Duration.ofSeconds(10)).until(() -> announced.size() == 2);
            assertEquals(List.of(scanId + " 1", scanId + " 1"), announced, "each request announces the cancel");
        } finally {
            subscriber.unsubscribe();
        }
    }

    @Test
    void closedRunIsRefusedWithItsStatusAndACancelledOneIsNot() {
        UUID completed = submit("cancel-completed");
        close(completed, "COMPLETED");
        UUID cancelled = submit("cancel-cancelled");
        close(cancelled, "CANCELLED");

        given().when().post("/api/v1/scans/" + completed + "/cancel")
                .then().statusCode(409)
                .body("field", equalTo("run"))
                .body("error", containsString("run 1 of scan " + completed + " is already closed (COMPLETED)"));
        given().when().post("/api/v1/scans/" + cancelled + "/cancel")
                .then().statusCode(202)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void whatDoesNotExistIsNamed() {
        UUID scanId = submit("cancel-missing-run");
        UUID unknown = UUID.randomUUID();

        given().when().post("/api/v1/scans/" + unknown + "/cancel")
                .then().statusCode(404).body("field", equalTo("id")).body("error", containsString(unknown.toString()));
        given().when().post("/api/v1/scans/" + scanId + "/cancel?run=7")
                .then().statusCode(404).body("field", equalTo("run"))
                .body("error", containsString("has no run 7; list its runs with GET /api/v1/scans/" + scanId + "/runs"));
        given().when().post("/api/v1/scans/" + scanId + "/cancel?run=first")
                .then().statusCode(400).body("field", equalTo("run")).body("error", containsString("not a run number"));
        given().when().post("/api/v1/scans/not-a-scan/cancel")
                .then().statusCode(400).body("field", equalTo("id"));
        assertEquals(null, run(scanId).cancelRequestedAt, "a refused cancel stores nothing");
    }

    private static UUID submit(String name) {
        return UUID.fromString(given().contentType("application/json").body(Projects.greeter(name + "-" + System.nanoTime()))
                .when().post("/api/v1/scans")
                .then().statusCode(202)
                .extract().path("scanId"));
    }

    private static ScanRunEntity run(UUID scanId) {
        return QuarkusTransaction.requiringNew().call(() -> ScanRunEntity.<ScanRunEntity>findById(new RunKey(scanId, 1)));
    }

    private void close(UUID scanId, String status) {
        ClosedRuns.close(entityManager, scanId, status);
    }
}
