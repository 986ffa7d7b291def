package dev.conclave.gateway.service;

import dev.conclave.gateway.messaging.RunCancelAnnouncer;
import dev.conclave.gateway.persistence.RunKey;
import dev.conclave.gateway.persistence.ScanEntity;
import dev.conclave.gateway.persistence.ScanRunEntity;
import dev.conclave.gateway.security.Caller;
import dev.conclave.model.RunCancel;
import dev.conclave.model.ScanStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Cancels a queued or running run: the request is stored on the run's row
 * ({@code scan_run.cancel_requested_at}, {@code cancelled_by}), then announced on Redis. The workers
 * skip a cancelled run before each role and abort its calls in flight; the aggregator closes it
 * CANCELLED. Asking again changes nothing stored and announces again.
 */
@ApplicationScoped
public class RunCancels {
    private final RunCancelAnnouncer announcer;
    private final ScanQueries queries;

    public RunCancels(RunCancelAnnouncer announcer, ScanQueries queries) {
        this.announcer = announcer;
        this.queries = queries;
    }

    /**
     * Asks for the run to end, and returns it as it stands now.
     *
     * @param run the run to cancel; empty for the scan's current run
     * @param caller who asks: the scan must be one it may see
     * @param by  who asks, for the audit (the key's prefix and name)
     * @throws ScanNotFoundException if there is no such scan, or it is not the caller's
     * @throws InvalidScanException  404 if the scan has no such run, 409 if the run is already closed,
     *                               503 if the database did not store the cancel
     */
    public ScanQueries.ScanState cancel(Caller caller, UUID scanId, Optional<Integer> run, String by) {
        int cancelled;
        try {
            cancelled = QuarkusTransaction.requiringNew().call(() -> store(caller, scanId, run, by));
        } catch (ScanNotFoundException | InvalidScanException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidScanException(503, null, "the database did not store the cancel ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); nothing changed: retry later");
        }
        announcer.announce(new RunCancel(scanId, cancelled));
        return queries.find(caller, scanId, cancelled).orElseThrow(() -> new ScanNotFoundException(scanId));
    }

    private int store(Caller caller, UUID scanId, Optional<Integer> requested, String by) {
        ScanEntity scan = queries.scan(caller, scanId).orElse(null);
        if (scan == null) {
            throw new ScanNotFoundException(scanId);
        }
        int number = requested.orElse(scan.currentRun);
        // Locked: two cancels of one run record the first asker once.
        ScanRunEntity run = ScanRunEntity.<ScanRunEntity>findByIdOptional(new RunKey(scanId, number),
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new InvalidScanException(404, "run", "scan " + scanId
                        + " has no run " + number + "; list its runs with GET /api/v1/scans/" + scanId + "/runs"));
        ScanStatus status = queries.runStatus(scanId, number);
        if (status.isFinal() && status != ScanStatus.CANCELLED) {
            throw new InvalidScanException(409, "run", "run " + number + " of scan " + scanId + " is already closed ("
                    + status + "); there is nothing to cancel");
        }
        if (run.cancelRequestedAt == null) {
            run.cancelRequestedAt = Instant.now();
            run.cancelledBy = by == null || by.isBlank() ? null : by.strip();
        }
        return number;
    }
}
