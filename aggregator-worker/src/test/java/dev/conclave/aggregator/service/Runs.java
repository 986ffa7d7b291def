package dev.conclave.aggregator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.delivery.KafkaClients;
import dev.conclave.llm.offline.OfflineAnalyst;
import dev.conclave.model.FileExcerpt;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.StaticScores;
import dev.conclave.model.Topics;
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
    public static final List<String> ROLES = List.of("architect", "deployment", "business");

    private final EntityManager em;
    private final KafkaClients clients;

    public Runs(EntityManager em, KafkaClients clients) {
        this.em = em;
        this.clients = clients;
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
        return (String) first("select status from aggregation where scan_id = ?1 and run = ?2", scanId, run);
    }

    /** The roles a closed run names as missing (its {@code missing_roles}, as JSON text), or null while it is open. */
    public String missingRoles(UUID scanId, int run) {
        return (String) first("select cast(missing_roles as text) from aggregation where scan_id = ?1 and run = ?2",
                scanId, run);
    }

    /** The report a closed run 1 of the scan stored. */
    public JsonNode report(UUID scanId) throws JsonProcessingException {
        return WireJson.mapper().readTree((String) first(
                "select cast(report as text) from aggregation where scan_id = ?1 and run = ?2", scanId, 1));
    }

    /** The tenants the synthesis calls of the scan were recorded under. */
    public List<String> synthesisTenants(UUID scanId) {
        return rows("select tenant from model_call where scan_id = ?1 and role = 'aggregator' and run = ?2", scanId, 1)
                .stream().map(String.class::cast).toList();
    }

    /** Model calls made for a run's synthesis: one per synthesis. */
    public long syntheses(UUID scanId, int run) {
        return ((Number) first("select count(*) from model_call where scan_id = ?1 and run = ?2 and role = 'aggregator'",
                scanId, run)).longValue();
    }

    /** The role results stored for a run. */
    public long roleResults(UUID scanId, int run) {
        return ((Number) first("select count(*) from role_result where scan_id = ?1 and run = ?2", scanId, run))
                .longValue();
    }

    /** Whether the broker acknowledged a run's completion event. */
    public boolean completionPublished(UUID scanId, int run) {
        return (Boolean) first("select completion_published_at is not null from aggregation where scan_id = ?1 and run = ?2",
                scanId, run);
    }

    /** What an instance killed between closing a run and the broker's ack leaves behind. */
    public void forgetCompletionPublished(UUID scanId, int run) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update aggregation set completion_published_at = null where scan_id = ?1 and run = ?2")
                .setParameter(1, scanId).setParameter(2, run).executeUpdate());
    }

    /**
     * A row changed by hand so it no longer reads as a completion (an object where the missing roles are a list),
     * unpublished and closed an hour ago: the oldest the completion relay sees.
     */
    public void spoilCompletion(UUID scanId, int run) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update aggregation set missing_roles = '{"not": "a list"}', completion_published_at = null,
                               completed_at = now() - interval '1 hour'
                        where scan_id = ?1 and run = ?2""")
                .setParameter(1, scanId).setParameter(2, run).executeUpdate());
    }

    /** The first row's value of a query of one column about a scan ({@code ?1}) and a run ({@code ?2}); null for none. */
    private Object first(String sql, UUID scanId, int run) {
        return rows(sql, scanId, run).stream().findFirst().orElse(null);
    }

    private List<?> rows(String sql, UUID scanId, int run) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                .setParameter(1, scanId).setParameter(2, run).getResultList());
    }

    /** The run completion events on {@code scan.completed} keyed by {@code scanId}, as a consumer of them reads them. */
    public List<ScanCompleted> completions(UUID scanId) {
        return clients.readToEnd(Topics.SCAN_COMPLETED, record -> scanId.toString().equals(record.key())).stream()
                .map(record -> WireJson.decode(record.value(), ScanCompleted.class))
                .toList();
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
