package dev.conclave.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A scan row whose digest is {@code {}} (the workers' tests write such rows) and whose run's aggregation holds
 * JSON of the wrong shape still lists in {@code GET /api/v1/scans}, beside a scan submitted the ordinary way:
 * the list reads neither column.
 */
@QuarkusTest
class MalformedScanRowDoesNotBreakTheListTest {

    @Inject
    EntityManager em;

    @Test
    void theListAnswersWithTheMalformedScanAndTheOrdinaryOne() {
        UUID ordinary = UUID.fromString(given().contentType("application/json")
                .body(Projects.greeter("ordinary-" + System.nanoTime()))
                .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId"));
        UUID malformed = UUID.randomUUID();
        String name = "empty-digest-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into scan (id, name, roles, digest, current_run, deadline_seconds, created_at)
                    values (?1, ?2, '["architect"]'::jsonb, '{}'::jsonb, 1, 600, now())""")
                    .setParameter(1, malformed).setParameter(2, name).executeUpdate();
            em.createNativeQuery("""
                    insert into scan_run (scan_id, run, origin, roles, requested_at)
                    values (?1, 1, 'SUBMITTED', '["architect"]'::jsonb, now())""")
                    .setParameter(1, malformed).executeUpdate();
            em.createNativeQuery("""
                    insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at,
                        missing_roles, report, completed_at, completion_published_at)
                    values (?1, 1, '{}'::jsonb, '[]'::jsonb, 'PARTIAL', now(), now(), '"not a list"'::jsonb,
                        '[1, 2]'::jsonb, '2026-01-02T03:05:00Z', now())""").setParameter(1, malformed).executeUpdate();
        });

        try {
            theListShows(ordinary, malformed, name);
        } finally {
            // Other modules' tests share this database: an aggregator would trip over such a row.
            QuarkusTransaction.requiringNew().run(() -> {
                for (String table : List.of("aggregation", "scan_run")) {
                    em.createNativeQuery("delete from " + table + " where scan_id = ?1").setParameter(1, malformed)
                            .executeUpdate();
                }
                em.createNativeQuery("delete from scan where id = ?1").setParameter(1, malformed).executeUpdate();
            });
        }
    }

    private void theListShows(UUID ordinary, UUID malformed, String name) {
        List<Map<String, Object>> lines = given().queryParam("limit", 500)
                .when().get("/api/v1/scans").then().statusCode(200)
                .body("scanId", hasItem(ordinary.toString()))
                .extract().jsonPath().getList("findAll { it.scanId == '" + malformed + "' }");
        assertEquals(1, lines.size(), "the malformed scan's line");
        assertEquals(name, lines.getFirst().get("name"));
        assertEquals("PARTIAL", lines.getFirst().get("status"));
        assertEquals(1, lines.getFirst().get("run"));
        assertEquals("2026-01-02T03:05:00Z", lines.getFirst().get("completedAt"));

        given().queryParam("status", "PARTIAL").queryParam("limit", 500)
                .when().get("/api/v1/scans").then().statusCode(200)
                .body("scanId", hasItem(malformed.toString()));
    }
}
