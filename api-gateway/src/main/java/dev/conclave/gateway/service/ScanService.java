package dev.conclave.gateway.service;

import dev.conclave.gateway.messaging.ScanRequestPublisher;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts scans: store the scan row, publish the request and wait for the broker's
 * acknowledgement, and only then report it accepted. A request the broker refused leaves no row.
 */
@ApplicationScoped
public class ScanService {
    private final ScanRequestPublisher publisher;
    private final ScanStore store;

    public ScanService(ScanRequestPublisher publisher, ScanStore store) {
        this.publisher = publisher;
        this.store = store;
    }

    /** The accepted scan; for a repeated Idempotency-Key, the scan first accepted with it. */
    public Accepted submit(ScanSubmission submission, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent()) {
            Optional<ScanEntity> earlier = store.findByIdempotencyKey(idempotencyKey.get());
            if (earlier.isPresent()) {
                return new Accepted(earlier.get().id, earlier.get().currentRun, true);
            }
        }
        ScanEntity scan;
        try {
            scan = store.insert(submission, idempotencyKey.orElse(null));
        } catch (PersistenceException e) {
            // Two requests with one key raced; the other one's row won.
            return idempotencyKey.flatMap(store::findByIdempotencyKey)
                    .map(s -> new Accepted(s.id, s.currentRun, true))
                    .orElseThrow(() -> e);
        }
        Instant now = scan.createdAt;
        ScanRequest request = new ScanRequest(SchemaVersions.WIRE, scan.id, scan.currentRun, scan.name, scan.roles,
                scan.digest, now, now.plusSeconds(scan.deadlineSeconds), scan.bypassCache);
        try {
            publisher.publish(request);
        } catch (RuntimeException e) {
            store.delete(scan.id);
            throw e;
        }
        return new Accepted(scan.id, scan.currentRun, false);
    }

    /** The outcome of a submission. */
    public record Accepted(UUID scanId, int run, boolean repeated) {
    }
}
