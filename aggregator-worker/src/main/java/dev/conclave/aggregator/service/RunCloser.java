package dev.conclave.aggregator.service;

import dev.conclave.aggregator.config.KnownRolesConfig;
import dev.conclave.aggregator.service.FanIn.Claim;
import dev.conclave.delivery.PermanentFailure;
import dev.conclave.delivery.Persistently;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The aggregator's flow: open a run when its request arrives, record each role result, and
 * close a run once all its roles arrived (or, from {@link DeadlineSweeper}, once its deadline
 * passed): synthesise under a renewed lease, store the outcome until it is stored, then announce it
 * on {@code scan.completed} through the {@link CompletionOutbox}.
 *
 * <p>{@link #onRequest} and {@link #onRoleResult} are what the consumers call for each record:
 * they throw {@link PermanentFailure} for a record that can never be processed (it is dead-lettered);
 * anything else they throw is worth retrying (the record comes again).
 */
@ApplicationScoped
public class RunCloser {
    private static final Logger LOG = Logger.getLogger(RunCloser.class);

    private final FanIn fanIn;
    private final Synthesis synthesis;
    private final LeaseHeartbeat heartbeat;
    private final CompletionOutbox completions;
    private final Persistently persistently;
    private final ProgressReporter progress;
    private final List<String> knownRoles;

    public RunCloser(FanIn fanIn, Synthesis synthesis, LeaseHeartbeat heartbeat, CompletionOutbox completions,
            Persistently persistently, ProgressReporter progress, KnownRolesConfig roles) {
        this.fanIn = fanIn;
        this.synthesis = synthesis;
        this.heartbeat = heartbeat;
        this.completions = completions;
        this.persistently = persistently;
        this.progress = progress;
        this.knownRoles = List.copyOf(roles.knownRoles());
    }

    /**
     * Opens the request's run with the results it carries over from earlier runs, and closes it at once
     * if its results all came first (or all are carried: a re-synthesis). A request for a run already
     * open or closed changes nothing.
     *
     * @throws PermanentFailure if it names no role or a role that is not known
     */
    public void onRequest(ScanRequest request) {
        if (request.expectedRoles().isEmpty()) {
            throw new PermanentFailure("scan request for scan " + request.scanId() + " run " + request.run()
                    + " names no role; known roles: " + knownRoles);
        }
        for (String role : request.expectedRoles()) {
            if (!knownRoles.contains(role)) {
                throw new PermanentFailure("scan request for scan " + request.scanId() + " run " + request.run()
                        + " asks for role '" + role + "', which is not a known role " + knownRoles
                        + " (conclave.scan.known-roles): the run could never complete; a new role "
                        + "goes into conclave.scan.known-roles of both the gateway and the aggregator");
            }
        }
        fanIn.openAndClaim(request).ifPresent(this::close);
    }

    /**
     * Records a role's result and closes its run if that was the last one missing. A result for a
     * closed run is skipped; one for a run whose request has not arrived yet is kept for it.
     *
     * @throws PermanentFailure if the scan does not exist or the run was never requested
     */
    public void onRoleResult(RoleResult result) {
        fanIn.recordAndClaim(result).ifPresent(this::close);
    }

    /**
     * Closes overdue runs, each on its own virtual thread so that none waits for another's
     * synthesis with a lease that nobody renews; returns how many were claimed.
     */
    public int closeOverdue() {
        List<Claim> claims = fanIn.claimOverdue();
        AtomicInteger failed = new AtomicInteger();
        try (var closing = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Claim claim : claims) {
                closing.submit(() -> {
                    try {
                        close(claim);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        LOG.warnf("closing overdue scan %s run %d failed, the next sweep tries again: %s",
                                claim.request().scanId(), claim.request().run(), e.getMessage());
                    }
                });
            }
        }
        return claims.size() - failed.get();
    }

    private void close(Claim claim) {
        ScanRequest request = claim.request();
        String run = "scan " + request.scanId() + " run " + request.run();
        progress.report(request.scanId(), request.run(), Synthesis.AGGREGATOR_ROLE, ProgressStage.SYNTHESIZING, null, null);
        RunOutcome outcome;
        boolean closed;
        try (LeaseHeartbeat.Beat beat = heartbeat.start(claim)) {
            try {
                outcome = synthesis.synthesise(claim);
            } catch (RuntimeException e) {
                // Synthesis throws only before it has an answer (a dependency is down): nothing paid is lost.
                releaseQuietly(claim, run);
                throw e;
            }
            // The synthesis is paid for: its outcome is written, however long PostgreSQL takes to come back.
            closed = persistently.call("writing the outcome of " + run, () -> fanIn.close(claim, outcome));
        }
        if (!closed) {
            LOG.warnf("%s was closed by another instance that took over its expired claim", run);
            return;
        }
        try {
            completions.publish(request.scanId(), request.run());
        } catch (RuntimeException e) {
            LOG.warnf("completion of %s not published yet, the completion relay will: %s", run, e.getMessage());
        }
        progress.report(request.scanId(), request.run(), Synthesis.AGGREGATOR_ROLE, ProgressStage.CLOSED, null,
                outcome.status().name());
    }

    private void releaseQuietly(Claim claim, String run) {
        try {
            fanIn.release(claim);
        } catch (RuntimeException e) {
            LOG.warnf("could not give back the claim of %s; it expires after the synthesis lease: %s", run, e.getMessage());
        }
    }
}
