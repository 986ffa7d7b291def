package dev.conclave.aggregator.service;

import dev.conclave.aggregator.messaging.ScanCompletedPublisher;
import dev.conclave.aggregator.service.FanIn.Claim;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The aggregator's flow: open a run when its request arrives, record each role result, and
 * close a run once all its roles arrived (or, from {@link DeadlineSweeper}, once its deadline
 * passed): synthesise, store, then announce on {@code scan.completed}.
 */
@ApplicationScoped
public class RunCloser {
    private static final Logger LOG = Logger.getLogger(RunCloser.class);

    private final FanIn fanIn;
    private final Synthesis synthesis;
    private final ScanCompletedPublisher completions;

    private final ProgressReporter progress;

    public RunCloser(FanIn fanIn, Synthesis synthesis, ScanCompletedPublisher completions, ProgressReporter progress) {
        this.progress = progress;
        this.fanIn = fanIn;
        this.synthesis = synthesis;
        this.completions = completions;
    }

    public void onRequest(ScanRequest request) {
        fanIn.open(request);
        // Role results may have arrived before the request reached this consumer.
        fanIn.claimIfComplete(request.scanId(), request.run()).ifPresent(this::close);
    }

    public void onRoleResult(RoleResult result) {
        fanIn.recordAndClaim(result).ifPresent(this::close);
    }

    /** Closes overdue runs; returns how many it closed. */
    public int closeOverdue() {
        var claims = fanIn.claimOverdue();
        claims.forEach(this::close);
        return claims.size();
    }

    private void close(Claim claim) {
        ScanRequest request = claim.request();
        progress.report(request.scanId(), request.run(), Synthesis.AGGREGATOR_ROLE, ProgressStage.SYNTHESIZING, null, null);
        RunOutcome outcome;
        try {
            outcome = synthesis.synthesise(claim);
        } catch (RuntimeException e) {
            fanIn.release(claim);
            throw e;
        }
        if (!fanIn.close(claim, outcome)) {
            LOG.infof("scan %s run %d was closed by another instance", claim.request().scanId(), claim.request().run());
            return;
        }
        completions.publish(new ScanCompleted(SchemaVersions.WIRE, claim.request().scanId(), claim.request().run(),
                outcome.status(), outcome.missingRoles(), outcome.failedRoles(), outcome.completedAt()));
        progress.report(request.scanId(), request.run(), Synthesis.AGGREGATOR_ROLE, ProgressStage.CLOSED, null,
                outcome.status().name());
    }
}
