package dev.conclave.aggregator.service;

import dev.conclave.llm.offline.OfflineAnalyst;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.StaticScores;
import dev.conclave.model.WireJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Scans as the gateway stores them, their requests and role results as the workers publish them, and what the aggregator made of them. */
@ApplicationScoped
public class Runs {
    static final List<String> ROLES = List.of("architect", "deployment", "business");

    private final EntityManager em;

    public Runs(EntityManager em) {
        this.em = em;
    }

    /** Stores a scan row, as the gateway does before publishing its request, and returns its run 1 request. */
    public ScanRequest newScan(Duration deadlineIn) {
        UUID scanId = UUID.randomUUID();
        ScanDigest digest = digest();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into scan (id, name, roles, digest, current_run, bypass_cache, deadline_seconds, created_at)
                values (?1, ?2, cast(?3 as jsonb), cast(?4 as jsonb), 1, true, ?5, ?6)""")
                .setParameter(1, scanId)
                .setParameter(2, digest.projectName())
                .setParameter(3, WireJson.encode(ROLES))
                .setParameter(4, WireJson.encode(digest))
                .setParameter(5, (int) deadlineIn.toSeconds())
                .setParameter(6, now)
                .executeUpdate());
        return new ScanRequest(SchemaVersions.WIRE, scanId, 1, digest.projectName(), ROLES, digest, now,
                now.plus(deadlineIn), true);
    }

    /** The result a worker publishes for {@code role}, with an analysis shaped like the role's schema. */
    public RoleResult result(ScanRequest request, String role) {
        Instant now = Instant.now();
        return new RoleResult(SchemaVersions.WIRE, request.scanId(), request.run(), role, RoleOutcome.SUCCEEDED,
                new OfflineAnalyst().answer(role, request.digest(), Map.of()), null, "offline", "conclave-offline-1",
                true, "worker-test", now, now);
    }

    /** The aggregation status of a run, or null if it was never opened. */
    public String status(UUID scanId, int run) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select status from aggregation where scan_id = ?1 and run = ?2")
                .setParameter(1, scanId).setParameter(2, run)
                .getResultList().stream().findFirst().orElse(null));
    }

    /** Model calls made for a run's synthesis: one per synthesis. */
    public long syntheses(UUID scanId, int run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from model_call where scan_id = ?1 and run = ?2 and role = 'aggregator'")
                .setParameter(1, scanId).setParameter(2, run).getSingleResult()).longValue());
    }

    /** The role results stored for a run. */
    public long roleResults(UUID scanId, int run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from role_result where scan_id = ?1 and run = ?2")
                .setParameter(1, scanId).setParameter(2, run).getSingleResult()).longValue());
    }

    /** Whether the broker acknowledged a run's completion event. */
    public boolean completionPublished(UUID scanId, int run) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "select completion_published_at is not null from aggregation where scan_id = ?1 and run = ?2")
                .setParameter(1, scanId).setParameter(2, run).getSingleResult());
    }

    /** What an instance killed between closing a run and the broker's ack leaves behind. */
    public void forgetCompletionPublished(UUID scanId, int run) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update aggregation set completion_published_at = null where scan_id = ?1 and run = ?2")
                .setParameter(1, scanId).setParameter(2, run).executeUpdate());
    }

    private static ScanDigest digest() {
        ProjectFacts facts = new ProjectFacts(true, true, false, false, false, false, false, 2, 10,
                List.of(), List.of("app/main.py"), List.of("pyproject.toml"));
        return new ScanDigest("greeter", 14, 9_000, List.of(new LanguageStat("Python", 10, 800),
                new LanguageStat("Markdown", 1, 40)), List.of("README.md", "app/main.py"), false,
                new FileExcerpt("README.md", "# Greeter\n\nGreets people by name over HTTP.\n", false),
                List.of(), facts, new StaticScores(6.0, 10, 60));
    }
}
