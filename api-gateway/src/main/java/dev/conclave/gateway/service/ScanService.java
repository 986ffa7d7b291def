package dev.conclave.gateway.service;

import dev.conclave.delivery.Sql;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.security.Caller;
import dev.conclave.model.RunOrigin;
import dev.conclave.scanner.redact.DigestRedactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts scans: the scan row and its request's outbox row are committed together, and from then on
 * the scan will be processed (202). The request is published right away when the broker answers
 * within {@code conclave.outbox.immediate-wait}, else by the {@link OutboxRelay}. Only a failed
 * database transaction refuses a scan, and then nothing was stored. Every digest is redacted here,
 * whichever way it arrived (files, archive, git or built by the client), before it is stored or
 * published: a client's digest is not trusted to be free of secrets.
 */
@ApplicationScoped
public class ScanService {
    private final ScanStore store;
    private final Outbox outbox;
    private final GatewayMetrics metrics;
    private final DigestRedactor redactor = new DigestRedactor();

    public ScanService(ScanStore store, Outbox outbox, GatewayMetrics metrics) {
        this.store = store;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * The accepted scan; for a repeated Idempotency-Key, the scan first accepted with it, whose request
     * is in the outbox if it was never published (the relay publishes it), so a retry after a crash
     * never returns a stranded scan. The scan is the caller's tenant's, submitted by its key; an
     * Idempotency-Key is looked up in that tenant only.
     */
    public Accepted submit(ScanSubmission received, Caller caller, Optional<String> idempotencyKey) {
        ScanSubmission submission = received.withDigest(redactor.redact(received.digest()));
        ScanStore.Stored stored;
        try {
            Optional<ScanEntity> earlier = idempotencyKey.flatMap(key -> store.findByIdempotencyKey(caller.tenant(), key));
            if (earlier.isPresent()) {
                return repeated(earlier.get(), caller);
            }
            try {
                stored = store.insert(submission, caller, idempotencyKey.orElse(null));
            } catch (Sql.Failed e) {
                // Two requests with one key raced; the other one's row won, with its own outbox row.
                Optional<ScanEntity> winner = idempotencyKey.flatMap(key -> store.findByIdempotencyKey(caller.tenant(), key));
                if (winner.isPresent()) {
                    return repeated(winner.get(), caller);
                }
                throw e;
            }
        } catch (InvalidScanException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScanNotStoredException(e);
        }
        metrics.accepted(RunOrigin.SUBMITTED);
        outbox.publishNow(stored.request());
        return new Accepted(stored.scan().id, stored.scan().currentRun, false);
    }

    /** The scan first accepted with the key, if the caller may see it: a submitter never learns another key's scan id. */
    private static Accepted repeated(ScanEntity scan, Caller caller) {
        if (!ScanQueries.visible(scan, caller)) {
            throw new InvalidScanException(409, "Idempotency-Key", "this Idempotency-Key was used by another key of "
                    + "this tenant; send a key of your own (a new random one per scan)");
        }
        return new Accepted(scan.id, scan.currentRun, true);
    }

    /** The outcome of a submission. */
    public record Accepted(UUID scanId, int run, boolean repeated) {
    }
}
