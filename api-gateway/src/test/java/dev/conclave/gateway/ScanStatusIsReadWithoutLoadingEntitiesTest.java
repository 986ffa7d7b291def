package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.persistence.ScanRunEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/scans/{id}} (what the CLI and the benchmark poll) reads narrow columns with plain
 * queries: no scan, run, aggregation or role result entity is loaded, and the answer still shows every
 * role's state, the run's outcome, its report and the cost from the report's metadata.
 */
@QuarkusTest
class ScanStatusIsReadWithoutLoadingEntitiesTest {

    @Inject
    SessionFactory sessions;

    @Inject
    EntityManager em;

    @Test
    void aPartialRunIsShownRoleByRoleWithItsReportAndNoEntityLoads() {
        String name = "status-read-" + System.nanoTime();
        UUID scanId = UUID.fromString(given().contentType("application/json").body(Projects.greeter(name))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId"));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into role_result (scan_id, run, role, outcome, provider, model, offline, started_at,
                        completed_at, received_at)
                    values (?1, 1, 'architect', 'SUCCEEDED', 'offline', 'simulated-model', true,
                        '2026-01-02T03:04:05Z', '2026-01-02T03:04:06Z', now())""").setParameter(1, scanId).executeUpdate();
            em.createNativeQuery("""
                    insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at,
                        missing_roles, report, failure_reason, completed_at)
                    values (?1, 1, '{}'::jsonb, '[]'::jsonb, 'PARTIAL', now(), now(), '["business"]'::jsonb,
                        '{"summary": "s", "metadata": {"cost_usd": 0.0123, "api_calls": 3, "cache_hits": 1}}'::jsonb,
                        'business did not answer', '2026-01-02T03:05:00Z')""").setParameter(1, scanId).executeUpdate();
        });
        Statistics statistics = sessions.getStatistics();
        List<Long> before = loads(statistics);

        for (String path : List.of("/api/v1/scans/" + scanId, "/api/v1/scans/" + scanId + "/runs/1")) {
            given().when().get(path).then().statusCode(200)
                    .body("scanId", equalTo(scanId.toString()))
                    .body("name", equalTo(name))
                    .body("status", equalTo("PARTIAL"))
                    .body("run", equalTo(1))
                    .body("currentRun", equalTo(1))
                    .body("createdAt", notNullValue())
                    .body("completedAt", equalTo("2026-01-02T03:05:00Z"))
                    .body("missingRoles", contains("business"))
                    .body("failureReason", equalTo("business did not answer"))
                    .body("roles.role", contains("architect", "deployment", "business"))
                    .body("roles.state", contains("SUCCEEDED", "PENDING", "MISSING"))
                    .body("roles[0].provider", equalTo("offline"))
                    .body("roles[0].model", equalTo("simulated-model"))
                    .body("roles[0].offline", equalTo(true))
                    .body("roles[0].startedAt", equalTo("2026-01-02T03:04:05Z"))
                    .body("roles[1].provider", nullValue())
                    .body("runInfo.origin", equalTo("SUBMITTED"))
                    .body("runInfo.roles", contains("architect", "deployment", "business"))
                    .body("runInfo.costUsd", equalTo(0.0123f))
                    .body("runInfo.apiCalls", equalTo(3))
                    .body("runInfo.cacheHits", equalTo(1))
                    .body("result.summary", equalTo("s"));
        }
        given().when().get("/api/v1/scans/" + scanId + "/runs/2").then().statusCode(404);
        given().when().get("/api/v1/scans/" + UUID.randomUUID()).then().statusCode(404);

        assertEquals(before, loads(statistics), "scan and run entities loaded");
    }

    private static List<Long> loads(Statistics statistics) {
        return List.of(ScanEntity.class, ScanRunEntity.class).stream()
                .map(type -> statistics.getEntityStatistics(type.getName()).getLoadCount()).toList();
    }
}
