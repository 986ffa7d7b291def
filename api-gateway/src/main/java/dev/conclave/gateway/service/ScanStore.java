package dev.conclave.gateway.service;

import dev.conclave.gateway.messaging.OutboxRecord;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions of {@link ScanService}, in a bean of their own so that publishing happens after the
 * commit. A scan row and the outbox row of its {@code scan.requests} record are written in one
 * transaction, with the row of its first run: they exist together or not at all.
 */
@ApplicationScoped
public class ScanStore {
    private final RunStore runs;

    public ScanStore(RunStore runs) {
        this.runs = runs;
    }

    /** Stores the scan as {@code by}'s: of its tenant, submitted by its key. */
    @Transactional
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
        // Flushed first: a repeated Idempotency-Key fails here, before an outbox row exists.
        scan.persistAndFlush();
        return new Stored(scan, runs.first(scan));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanEntity> findByIdempotencyKey(String tenant, String key) {
        return ScanEntity.findByIdempotencyKey(tenant, key);
    }

    /** A committed scan and the outbox record announcing it. */
    public record Stored(ScanEntity scan, OutboxRecord request) {
    }
}
