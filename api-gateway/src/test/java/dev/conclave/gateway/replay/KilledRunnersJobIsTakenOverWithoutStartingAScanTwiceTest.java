package dev.conclave.gateway.replay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.conclave.gateway.service.RunService;
import dev.conclave.gateway.service.RunSpec;
import dev.conclave.model.ReplayShare;
import dev.conclave.model.RunOrigin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A runner was killed mid-job: it had claimed the job, started the first scan's run and died before
 * recording it on the item. Once its lease runs out this instance's runner takes the job over, gets
 * that run back through its idempotency key instead of starting another, and finishes the job: every
 * scan has exactly one new run.
 */
@QuarkusTest
class KilledRunnersJobIsTakenOverWithoutStartingAScanTwiceTest {
    @Inject
    EntityManager em;

    @Inject
    RunService runs;

    @Inject
    ReplayRunner runner;

    @Test
    void anotherRunnerFinishesTheJobAndNoScanGetsTwoNewRuns() {
        ClosedScans scans = new ClosedScans(em);
        String prefix = "killed-runner-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> ids = scans.submitClosed(prefix, 3);
        UUID job = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into replay_job (id, kind, status, selection, share, max_in_flight, requested_by, created_at,
                      started_at, updated_at, claimed_by, claimed_until, selected)
                    values (?1, 'BULK', 'RUNNING', '{}'::jsonb, 0.2, 10, 'ops@example.com', now(), now(), now(),
                      'gateway-killed', now() + interval '3 seconds', 3)""").setParameter(1, job).executeUpdate();
            for (UUID id : ids) {
                em.createNativeQuery("insert into replay_item (job_id, scan_id, source_run, action) values (?1, ?2, 1, 'RERUN')")
                        .setParameter(1, job).setParameter(2, id).executeUpdate();
            }
        });
        // What the killed runner did before it died: the first scan's run started, the item not updated.
        RunService.Accepted before = runs.start(ids.get(0), new RunSpec(null, null, false, Map.of(), RunOrigin.REPLAY,
                new ReplayShare(job, 0.2), "ops@example.com"), Optional.of("replay:" + job + ":1"));
        assertEquals(2, before.run());

        await().atMost(Duration.ofSeconds(30)).until(() -> job(job).getInt("progress.started") == 3);
        JsonPath taken = job(job);
        assertEquals(runner.instance(), taken.getString("claimedBy"), "this instance's runner took the job over");
        for (UUID id : ids) {
            assertEquals(2, scans.runs(id), "scan " + id + " got exactly one new run");
        }
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select new_run from replay_item where job_id = ?1 and scan_id = ?2")
                .setParameter(1, job).setParameter(2, ids.get(0)).getSingleResult()).intValue()),
                "the run the killed runner started is the item's");

        scans.closeStartedRuns(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(job(job).getString("status")));
        assertFalse(job(job).getString("finishedAt").isEmpty());
    }

    private static JsonPath job(UUID job) {
        return given().when().get("/api/v1/replays/" + job).then().statusCode(200).extract().jsonPath();
    }
}
