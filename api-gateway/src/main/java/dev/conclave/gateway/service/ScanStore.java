package dev.conclave.gateway.service;

import dev.conclave.delivery.Sql;
import dev.conclave.gateway.messaging.OutboxRecord;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.security.Caller;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions of {@link ScanService}, in a bean of their own so that publishing happens after the
 * commit. A scan row and the outbox row of its {@code scan.requests} record are written in one
 * transaction, with the row of its first run: they exist together or not at all.
 */
@ApplicationScoped
public class ScanStore {
    /**
     * The scan, its first run and the outbox row of its request, in one statement: one round trip, and
     * all three rows or none (a repeated Idempotency-Key fails the whole statement on the scan's unique
     * index, so no outbox row is left behind). The request is sent once, as text: the outbox row stores
     * it as is, and the scan's and run's {@code roles} and the scan's {@code digest} are taken from its
     * parsed form, the same JSON the Kafka consumers read, so the gateway encodes the digest only once.
     */
    private static final String INSERT = """
            with request as (select p.payload, p.payload::jsonb as doc from (select cast(? as text) as payload) p),
            scan_row as (
                insert into scan (id, tenant, submitted_by, name, idempotency_key, roles, digest, current_run,
                                  bypass_cache, deadline_seconds, created_at)
                select ?, ?, ?, ?, ?, doc -> 'roles', doc -> 'digest', 1, ?, ?, ? from request
                returning id),
            run_row as (
                insert into scan_run (scan_id, run, origin, roles, carried_roles, overrides, bypass_cache, requested_at)
                select s.id, 1, ?, r.doc -> 'roles', '{}', '{}', ?, ? from scan_row s, request r)
            insert into outbox (topic, message_key, payload, created_at, next_attempt_at)
            select ?, s.id::text, r.payload, ?, ? from scan_row s, request r
            returning id""";

    private final Outbox outbox;
    private final AgroalDataSource database;

    public ScanStore(Outbox outbox, AgroalDataSource database) {
        this.outbox = outbox;
        this.database = database;
    }

    /**
     * Stores the scan as {@code by}'s: of its tenant, submitted by its key. One statement in auto-commit
     * (atomic on its own): no JTA transaction or ORM session around it (issue 11).
     *
     * @throws Sql.Failed if PostgreSQL refused or did not answer (a repeated Idempotency-Key among them)
     */
    public Stored insert(ScanSubmission submission, Caller by, String idempotencyKey) {
        ScanEntity scan = new ScanEntity();
        scan.id = UUID.randomUUID();
        scan.tenant = by.tenant();
        scan.submittedBy = by.keyId();
        scan.name = submission.name();
        scan.idempotencyKey = idempotencyKey;
        scan.roles = submission.roles();
        scan.digest = submission.digest();
        scan.currentRun = 1;
        scan.bypassCache = submission.bypassCache();
        scan.deadlineSeconds = (int) submission.deadline().toSeconds();
        scan.createdAt = Instant.now();
        // The first run's request, as RunStore builds every later run's: checked before anything is stored.
        ScanRequest request = new ScanRequest(SchemaVersions.WIRE, scan.id, 1, scan.name, scan.roles, scan.digest,
                scan.createdAt, scan.createdAt.plusSeconds(scan.deadlineSeconds), scan.bypassCache, null, null, null,
                null, scan.tenant);
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw InvalidScanException.badRequest(null, "this run cannot be started: " + String.join("; ", problems));
        }
        String payload = WireJson.encode(request);
        OffsetDateTime createdAt = OffsetDateTime.ofInstant(scan.createdAt, ZoneOffset.UTC);
        OffsetDateTime claimedUntil = OffsetDateTime.ofInstant(outbox.claimOfWriter(scan.createdAt), ZoneOffset.UTC);
        long outboxId = Sql.withConnection(database, "storing scan " + scan.id, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int i = 0;
                insert.setString(++i, payload);
                insert.setObject(++i, scan.id);
                insert.setString(++i, scan.tenant);
                insert.setObject(++i, scan.submittedBy, Types.OTHER);
                insert.setString(++i, scan.name);
                insert.setString(++i, scan.idempotencyKey);
                insert.setBoolean(++i, scan.bypassCache);
                insert.setInt(++i, scan.deadlineSeconds);
                insert.setObject(++i, createdAt);
                insert.setString(++i, request.origin().name());
                insert.setBoolean(++i, scan.bypassCache);
                insert.setObject(++i, createdAt);
                insert.setString(++i, Topics.SCAN_REQUESTS);
                insert.setObject(++i, createdAt);
                insert.setObject(++i, claimedUntil);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        // The entity is a plain value here (the row was written above, not through Hibernate): never persist it.
        return new Stored(scan, new OutboxRecord(outboxId, Topics.SCAN_REQUESTS, scan.id.toString(), payload, 0));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanEntity> findByIdempotencyKey(String tenant, String key) {
        return ScanEntity.findByIdempotencyKey(tenant, key);
    }

    /** A committed scan and the outbox record announcing it. */
    public record Stored(ScanEntity scan, OutboxRecord request) {
    }
}
