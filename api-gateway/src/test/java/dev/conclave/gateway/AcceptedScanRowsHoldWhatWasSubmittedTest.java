package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.gateway.config.OutboxConfig;
import dev.conclave.gateway.persistence.OutboxEntity;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.persistence.ScanRunEntity;
import dev.conclave.gateway.security.TestCallers;
import dev.conclave.gateway.service.ScanStore;
import dev.conclave.gateway.service.SubmissionParser;
import dev.conclave.model.RunOrigin;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scan, its first run and its outbox row are written in one plain statement, not through Hibernate:
 * what Hibernate reads back (the entities every later read uses) is what was submitted, column by column,
 * and the outbox row is claimed by its writer for immediate-wait plus the margin.
 */
@QuarkusTest
class AcceptedScanRowsHoldWhatWasSubmittedTest {

    @Inject
    ScanStore store;

    @Inject
    SubmissionParser parser;

    @Inject
    OutboxConfig outboxConfig;

    @Test
    void theScanAndItsFirstRunReadBackAsSubmitted() {
        String name = "rows-" + System.nanoTime();
        String body = """
                {"name": "%s", "roles": ["business", "architect"], "bypassCache": true, "deadlineSeconds": 120,
                 "files": [{"path": "README.md", "content": "# Rows\\n"}, {"path": "app/main.py", "content": "print(1)\\n"}]}"""
                .formatted(name);
        UUID scanId = UUID.fromString(given().contentType("application/json").body(body)
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId"));

        QuarkusTransaction.requiringNew().run(() -> {
            ScanEntity scan = ScanEntity.findById(scanId);
            assertEquals(name, scan.name);
            assertEquals(List.of("business", "architect"), scan.roles);
            assertTrue(scan.bypassCache);
            assertEquals(120, scan.deadlineSeconds);
            assertEquals(1, scan.currentRun);
            assertEquals("default", scan.tenant);
            assertNotNull(scan.submittedBy, "the submitting key");
            assertNull(scan.idempotencyKey);
            assertTrue(scan.digest.tree().contains("app/main.py"), scan.digest.tree().toString());

            ScanRunEntity run = ScanRunEntity.find(scanId, 1).orElseThrow();
            assertEquals(RunOrigin.SUBMITTED.name(), run.origin);
            assertEquals(List.of("business", "architect"), run.roles);
            assertTrue(run.carriedRoles.isEmpty());
            assertTrue(run.overrides.isEmpty());
            assertTrue(run.bypassCache);
            assertEquals(scan.createdAt, run.requestedAt);
            assertNull(run.requestedBy);
            assertNull(run.sourceRun);
            assertNull(run.idempotencyKey);
        });
    }

    @Test
    void theOutboxRowCarriesTheRequestWhoseDigestIsTheStoredOne() {
        String name = "outbox-row-" + System.nanoTime();
        QuarkusTransaction.begin();
        try {
            ScanStore.Stored stored = store.insert(parser.parse(Projects.greeter(name)), TestCallers.OPERATOR_ADMIN, "key-" + name);
            OutboxEntity row = OutboxEntity.findById(stored.request().id());
            assertEquals(Topics.SCAN_REQUESTS, row.topic);
            assertEquals(stored.scan().id.toString(), row.messageKey);
            assertEquals(stored.request().payload(), row.payload);
            assertEquals(0, row.attempts);
            assertEquals(outboxConfig.immediateWait().plus(Duration.ofSeconds(2)), Duration.between(row.createdAt, row.nextAttemptAt),
                    "claimed by its writer for immediate-wait plus the margin");

            ScanEntity scan = ScanEntity.findById(stored.scan().id);
            assertEquals(scan.createdAt, row.createdAt);
            assertEquals("key-" + name, scan.idempotencyKey);
            assertEquals(TestCallers.OPERATOR_ADMIN.keyId(), scan.submittedBy);
            ScanRequest request = WireJson.decode(row.payload, ScanRequest.class);
            assertEquals(request.digest(), scan.digest, "the digest column is the request's digest");
            assertEquals(request.roles(), scan.roles);
            assertEquals(1, request.run());
            // The request carries the clock's nanoseconds, the column PostgreSQL's microseconds.
            assertTrue(Duration.between(scan.createdAt, request.requestedAt()).abs().toNanos() < 1000,
                    scan.createdAt + " vs " + request.requestedAt());
            assertEquals(Duration.ofSeconds(scan.deadlineSeconds), Duration.between(request.requestedAt(), request.deadline()));
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
