package dev.conclave.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** What the aggregator writes when it closes a run (the gateway only reads this table), for tests. */
final class ClosedRuns {
    private ClosedRuns() {
    }

    /** Run 1 of the scan closed with {@code status}. */
    static void close(EntityManager entityManager, UUID scanId, String status) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into aggregation (scan_id, run, request, expected_roles, status, requested_at, deadline_at,
                    completed_at)
                values (?1, 1, '{}'::jsonb, '[]'::jsonb, ?2, now(), now(), now())
                on conflict (scan_id, run) do update set status = excluded.status""")
                .setParameter(1, scanId).setParameter(2, status).executeUpdate());
    }
}
