package dev.conclave.worker.service;

import dev.conclave.llm.AnalysisAnswer;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.FailureReason;
import dev.conclave.llm.ModelCaller;
import dev.conclave.llm.WorkerIdentity;
import dev.conclave.llm.cancel.RunCancelledException;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.model.ProgressStage;
import dev.conclave.model.RoleOutcome;
import dev.conclave.model.RoleResult;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One role's work on one scan: ask the role's models and turn the answer, or the failure, into
 * a {@link RoleResult}. A role never disappears: every failure becomes a FAILED result with the
 * reason, as {@link FailureReason} lets it be shown. A cancel is not a failure: a role its run's cancel stopped has no result at all (the
 * aggregator closes the run CANCELLED without waiting for it).
 */
@ApplicationScoped
public class RoleAnalysis {
    private static final Logger LOG = Logger.getLogger(RoleAnalysis.class);

    private final ModelCaller models;
    private final WorkerIdentity identity;
    private final ProgressReporter progress;

    public RoleAnalysis(ModelCaller models, WorkerIdentity identity, ProgressReporter progress) {
        this.progress = progress;
        this.models = models;
        this.identity = identity;
    }

    /** The role's result; empty when the run was cancelled while the role was being analysed. */
    public Optional<RoleResult> analyse(ScanRequest request, String role) {
        Instant started = Instant.now();
        progress.report(request.scanId(), request.run(), role, ProgressStage.STARTED, null, identity.name());
        try {
            AnalysisAnswer answer = models.analyse(new AnalysisTask(request.scanId(), request.run(), role,
                    request.digest(), Map.of(), request.bypassCache(), request.overrideOf(role), request.replay(),
                    request.tenant()));
            progress.report(request.scanId(), request.run(), role, ProgressStage.DONE,
                    answer.provider() + "/" + answer.model(), null);
            return Optional.of(new RoleResult(SchemaVersions.WIRE, request.scanId(), request.run(), role,
                    RoleOutcome.SUCCEEDED, answer.analysis(), null, answer.provider(), answer.model(), answer.offline(),
                    identity.name(), started, Instant.now()));
        } catch (RunCancelledException e) {
            LOG.infof("role %s of scan %s run %d stopped: %s", role, request.scanId(), request.run(), e.getMessage());
            progress.report(request.scanId(), request.run(), role, ProgressStage.SKIPPED, null,
                    "run " + request.run() + " is cancelled");
            return Optional.empty();
        } catch (RuntimeException e) {
            FailureReason shown = FailureReason.of(e);
            if (shown.errorId() == null) {
                LOG.warnf("role %s of scan %s run %d failed: %s", role, request.scanId(), request.run(), shown.text());
            } else {
                LOG.errorf(e, "role %s of scan %s run %d failed, error id %s", role, request.scanId(), request.run(),
                        shown.errorId());
            }
            String reason = shown.text();
            progress.report(request.scanId(), request.run(), role, ProgressStage.FAILED, null,
                    reason.length() <= 300 ? reason : reason.substring(0, 300) + "…");
            return Optional.of(RoleResult.failed(request, role, reason, identity.name(), started));
        }
    }
}
