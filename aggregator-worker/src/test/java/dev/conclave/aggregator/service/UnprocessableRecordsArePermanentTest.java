package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.delivery.PermanentFailure;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What can never be processed says so ({@link PermanentFailure}, dead-lettered by the consumer):
 * a result for a scan that does not exist or a run never requested, a request for an unknown
 * role. What merely arrived early (a result before its request) is kept; what arrives after its
 * run closed changes nothing.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class UnprocessableRecordsArePermanentTest {
    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void resultForAScanThatDoesNotExist() {
        ScanRequest ghost = runs.newScan(Duration.ofMinutes(10));
        RoleResult result = runs.result(ghost, "architect");
        RoleResult forUnknownScan = new RoleResult(result.schemaVersion(), UUID.randomUUID(), 1, "architect",
                result.outcome(), result.analysis(), null, result.provider(), result.model(), true, "worker-test",
                result.startedAt(), result.completedAt());

        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> closer.onRoleResult(forUnknownScan));
        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
        assertEquals(0, runs.roleResults(forUnknownScan.scanId(), 1));
    }

    @Test
    void resultForARunNeverRequested() {
        ScanRequest request = runs.newScan(Duration.ofMinutes(10));
        RoleResult result = runs.result(request, "architect");
        RoleResult forRunTwo = new RoleResult(result.schemaVersion(), request.scanId(), 2, "architect",
                result.outcome(), result.analysis(), null, result.provider(), result.model(), true, "worker-test",
                result.startedAt(), result.completedAt());

        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> closer.onRoleResult(forRunTwo));
        assertTrue(failure.getMessage().contains("run 2") && failure.getMessage().contains("latest run is 1"),
                failure.getMessage());
        assertEquals(0, runs.roleResults(request.scanId(), 2));
    }

    @Test
    void resultBeforeItsRequestIsKept() {
        ScanRequest request = runs.newScan(Duration.ofMinutes(10));

        closer.onRoleResult(runs.result(request, "architect"));

        assertEquals(1, runs.roleResults(request.scanId(), 1));
        assertNull(runs.status(request.scanId(), 1), "no run is opened by a result");
    }

    @Test
    void requestForAnUnknownRole() {
        ScanRequest known = runs.newScan(Duration.ofMinutes(10));
        ScanRequest request = new ScanRequest(SchemaVersions.WIRE, known.scanId(), 1, known.projectName(),
                List.of("architect", "security"), known.digest(), known.requestedAt(), known.deadline(), true);

        PermanentFailure failure = assertThrows(PermanentFailure.class, () -> closer.onRequest(request));
        assertTrue(failure.getMessage().contains("'security'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("conclave.roles.panel"), failure.getMessage());
        assertNull(runs.status(request.scanId(), 1), "no run is opened for it");
    }

    @Test
    void messagesForAClosedRunChangeNothing() {
        ScanRequest known = runs.newScan(Duration.ofMinutes(10));
        ScanRequest request = new ScanRequest(SchemaVersions.WIRE, known.scanId(), 1, known.projectName(),
                List.of("architect"), known.digest(), known.requestedAt(), known.deadline(), true);
        closer.onRequest(request);
        closer.onRoleResult(runs.result(request, "architect"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(runs.status(request.scanId(), 1)));

        closer.onRoleResult(runs.result(request, "business"));
        closer.onRoleResult(runs.result(request, "architect"));
        closer.onRequest(request);

        assertEquals(1, runs.roleResults(request.scanId(), 1), "a result for a closed run is not stored");
        assertEquals("COMPLETED", runs.status(request.scanId(), 1));
        assertEquals(1, runs.syntheses(request.scanId(), 1));
    }
}
