package dev.conclave.gateway.service;

import dev.conclave.gateway.config.ScanRoles;
import dev.conclave.gateway.security.Caller;
import dev.conclave.model.PanelRoles;
import dev.conclave.model.RunOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts new runs of existing scans: a re-run asked for over HTTP, or a run a replay job asks for.
 * Like a submission, a run is accepted once its row and its request's outbox row are committed
 * together, and its request is published right after the commit or by the outbox relay.
 */
@ApplicationScoped
public class RunService {
    private final RunStore store;
    private final Outbox outbox;
    private final ScanQueries queries;
    private final PanelRoles panel;
    private final GatewayMetrics metrics;

    public RunService(RunStore store, Outbox outbox, ScanQueries queries, ScanRoles roles, GatewayMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.outbox = outbox;
        this.queries = queries;
        this.panel = roles.panel();
    }

    /**
     * Starts the next run of a scan {@code caller} may see, as {@link #start(UUID, RunSpec, Optional)}.
     *
     * @throws ScanNotFoundException if there is no such scan, or it is not the caller's (the same answer)
     */
    public Accepted start(Caller caller, UUID scanId, RunSpec spec, Optional<String> idempotencyKey) {
        if (queries.scan(caller, scanId).isEmpty()) {
            throw new ScanNotFoundException(scanId);
        }
        return start(scanId, spec, idempotencyKey);
    }

    /**
     * Starts the scan's next run, or returns the run first started with the same idempotency key.
     *
     * @throws ScanNotFoundException if there is no such scan
     * @throws InvalidScanException  if the run asks for what cannot be done (an unknown role, an override
     *                               of a role it does not analyse)
     * @throws ScanNotStoredException if the database did not store it: nothing was started
     */
    public Accepted start(UUID scanId, RunSpec spec, Optional<String> idempotencyKey) {
        if (spec.analyse() != null) {
            for (String role : spec.analyse()) {
                if (!panel.isSpecialist(role)) {
                    throw InvalidScanException.badRequest("roles", panel.unknown(role));
                }
            }
        }
        RunStore.Started started;
        try {
            started = store.next(scanId, spec, idempotencyKey.orElse(null));
        } catch (ScanNotFoundException | InvalidScanException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScanNotStoredException(e);
        }
        if (started.request() != null) {
            metrics.accepted(RunOrigin.valueOf(started.run().origin));
            outbox.publishNow(started.request());
        }
        return new Accepted(scanId, started.run().run, started.repeated());
    }

    /** A started run; {@code repeated} when an earlier call with the same key started it. */
    public record Accepted(UUID scanId, int run, boolean repeated) {
    }
}
