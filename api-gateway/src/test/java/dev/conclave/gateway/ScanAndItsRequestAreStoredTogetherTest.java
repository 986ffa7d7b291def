package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.persistence.OutboxEntity;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.security.TestCallers;
import dev.conclave.gateway.service.ScanStore;
import dev.conclave.gateway.service.SubmissionParser;
import dev.conclave.model.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The scan row and the outbox row of its scan.requests record exist together or not at all. */
@QuarkusTest
class ScanAndItsRequestAreStoredTogetherTest {

    @Inject
    ScanStore store;

    @Inject
    SubmissionParser parser;

    @Inject
    EntityManager em;

    @Test
    void bothRowsAreWrittenInOneTransactionAndRolledBackTogether() {
        String name = "together-" + System.nanoTime();
        String scanId;
        QuarkusTransaction.begin();
        try {
            ScanStore.Stored stored = store.insert(parser.parse(Projects.greeter(name)), TestCallers.OPERATOR_ADMIN, null);
            scanId = stored.scan().id.toString();
            assertEquals(1, ScanEntity.count("name", name), "the scan row, inside the transaction");
            OutboxEntity row = OutboxEntity.find("messageKey", scanId).singleResult();
            assertEquals(Topics.SCAN_REQUESTS, row.topic);
            assertTrue(row.payload.contains(scanId), "the outbox row carries the scan's request");
        } finally {
            QuarkusTransaction.rollback();
        }

        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", name)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> OutboxEntity.count("messageKey", scanId)));
    }

    @Test
    void whenTheOutboxRowCannotBeWrittenNoScanIsStoredAndTheClientIsToldToRetry() {
        String name = "refused-" + System.nanoTime();
        // Any failure of the transaction after the scan row was written: here the outbox refuses every new row.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "alter table outbox add constraint test_refuses_every_row check (false) not valid").executeUpdate());
        try {
            given().contentType("application/json").body(Projects.greeter(name))
                    .when().post("/api/v1/scans")
                    .then().statusCode(503)
                    .header("Retry-After", "5")
                    .body("error", containsString("nothing was stored"))
                    .body("error", containsString("retry"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "alter table outbox drop constraint test_refuses_every_row").executeUpdate());
        }

        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ScanEntity.count("name", name)),
                "no scan row without its request");
    }
}
