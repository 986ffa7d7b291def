package dev.conclave.gateway.replay;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scans for the replay tests, submitted over HTTP, whose runs the tests close as the aggregator would
 * (an aggregation row in a final status): the gateway tests run no aggregator.
 */
final class ClosedScans {
    private final EntityManager em;

    ClosedScans(EntityManager em) {
        this.em = em;
    }

    /** Submits {@code count} scans named {@code prefix-<i>} and closes their first run COMPLETED. */
    List<UUID> submitClosed(String prefix, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = given().contentType("application/json").body("""
                    {"name": "%s-%d", "files": [
                      {"path": "README.md", "content": "# Greeter\\nGreets people.\\n"},
                      {"path": "greeter/app.py", "content": "def greet(name):\\n    return 'hi ' + name\\n"}
                    ]}""".formatted(prefix, i))
                    .when().post("/api/v1/scans").then().statusCode(202).extract().path("scanId");
            UUID scanId = UUID.fromString(id);
            close(scanId, 1, "COMPLETED");
            ids.add(scanId);
        }
        return ids;
    }

    /** Writes the run's aggregation row as closed, as the aggregator does when it closes a run. */
    void close(UUID scanId, int run, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at, completed_at)
                values (?1, ?2, '{}'::jsonb, '[]'::jsonb, ?3, now(), now() + interval '10 minutes', now())
                on conflict (scan_id, run) do update set status = excluded.status, completed_at = now()""")
                .setParameter(1, scanId).setParameter(2, run).setParameter(3, status).executeUpdate());
    }

    /** Closes every run the job started that is not closed yet; returns how many. */
    int closeStartedRuns(UUID jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> open = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select i.scan_id, i.new_run from replay_item i
                left join aggregation a on a.scan_id = i.scan_id and a.run = i.new_run
                where i.job_id = ?1 and i.new_run is not null and a.scan_id is null""")
                .setParameter(1, jobId).getResultList());
        open.forEach(row -> close((UUID) row[0], ((Number) row[1]).intValue(), "COMPLETED"));
        return open.size();
    }

    /** How many runs the scan has. */
    int runs(UUID scanId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from scan_run where scan_id = ?1").setParameter(1, scanId).getSingleResult()).intValue());
    }
}
