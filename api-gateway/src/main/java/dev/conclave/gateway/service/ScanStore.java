package dev.conclave.gateway.service;

import dev.conclave.gateway.persistence.ScanEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The transactions of {@link ScanService}, in a bean of their own so that publishing happens after the commit. */
@ApplicationScoped
public class ScanStore {

    @Transactional
    public ScanEntity insert(ScanSubmission submission, String idempotencyKey) {
        ScanEntity scan = new ScanEntity();
        scan.id = UUID.randomUUID();
        scan.name = submission.name();
        scan.idempotencyKey = idempotencyKey;
        scan.roles = submission.roles();
        scan.digest = submission.digest();
        scan.currentRun = 1;
        scan.bypassCache = submission.bypassCache();
        scan.deadlineSeconds = (int) submission.deadline().toSeconds();
        scan.createdAt = Instant.now();
        scan.persistAndFlush();
        return scan;
    }

    @Transactional
    public void delete(UUID id) {
        ScanEntity.deleteById(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScanEntity> findByIdempotencyKey(String key) {
        return ScanEntity.findByIdempotencyKey(key);
    }
}
