package dev.conclave.llm.metrics;

import dev.conclave.llm.AttemptTarget;
import dev.conclave.llm.ModelCallException;
import dev.conclave.llm.WorkerIdentity;
import dev.conclave.llm.openai.Attempt;
import dev.conclave.llm.ratelimit.Permit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The {@code model_call} row of each attempt at a model, as {@link CallRecorder} writes it: what the
 * provider answered or how it failed, tokens and their {@link AttemptCost}, latency, the permit's wait and
 * mode, and whether the attempt was the repair. Builds rows only; the caller records them.
 */
@ApplicationScoped
public class AttemptRows {
    private final WorkerIdentity identity;
    private final AttemptCost costs;

    public AttemptRows(WorkerIdentity identity, AttemptCost costs) {
        this.identity = identity;
        this.costs = costs;
    }

    /**
     * The row of an attempt that reached the provider, as it ended.
     *
     * @param permit    null when no permit was granted
     * @param startedAt when the provider was called; null for now
     */
    public ModelCallRecord of(AttemptTarget at, Attempt attempt, Permit permit, Instant startedAt, boolean repair) {
        ModelCallRecord row = ModelCallRecord.of(at.task(), at.model(), at.prompt().version(), identity.name(),
                startedAt == null ? Instant.now() : startedAt);
        boolean simulated = at.provider().simulated();
        row.attempt = attempt.number();
        row.outcome = attempt.outcome().name();
        row.errorClass = attempt.errorClass();
        row.errorMessage = attempt.message();
        row.httpStatus = simulated ? null : attempt.httpStatus();
        row.answeringModel = attempt.answeringModel();
        row.promptTokens = attempt.promptTokens();
        row.completionTokens = attempt.completionTokens();
        row.totalTokens = attempt.promptTokens() + attempt.completionTokens();
        row.ttfbMs = attempt.ttfbMs();
        row.latencyMs = attempt.latencyMs();
        row.generationId = attempt.generationId();
        row.simulated = simulated;
        row.repair = repair;
        if (permit != null) {
            row.rateLimitWaitMs = permit.waitedMs();
            row.rateLimitMode = permit.recordedMode();
            row.grantedAt = permit.grantedAt();
        }
        cost(row, costs.of(at.model(), simulated, attempt));
        return row;
    }

    /**
     * The row of an attempt the cancel of its run aborted: CANCELLED, and no cost recorded, since no
     * answer was received (a provider may still bill what it generated before the connection closed).
     */
    public ModelCallRecord cancelled(AttemptTarget at, Attempt attempt, Permit permit, Instant startedAt,
            boolean repair) {
        ModelCallRecord row = of(at, attempt, permit, startedAt, repair);
        row.outcome = "CANCELLED";
        row.errorClass = "cancelled";
        row.errorMessage = "the run was cancelled; the request was aborted before an answer arrived";
        row.promptTokens = 0;
        row.completionTokens = 0;
        row.totalTokens = 0;
        cost(row, AttemptCost.Cost.NONE);
        return row;
    }

    /**
     * The row of an attempt whose answer arrived but could not be used: FAILED with {@code errorClass}
     * ({@code schema_violation}, {@code malformed_json}); its tokens and cost were spent all the same.
     */
    public ModelCallRecord unusable(AttemptTarget at, Attempt attempt, Permit permit, Instant startedAt,
            boolean repair, String errorClass, String message) {
        ModelCallRecord row = of(at, attempt, permit, startedAt, repair);
        row.outcome = "FAILED";
        row.errorClass = errorClass;
        row.errorMessage = message;
        return row;
    }

    /** The row of an attempt the rate limiter refused before any call started (daily quota spent, interrupted). */
    public ModelCallRecord refused(AttemptTarget at, ModelCallException refused, boolean repair) {
        ModelCallRecord row = ModelCallRecord.of(at.task(), at.model(), at.prompt().version(), identity.name(),
                Instant.now());
        row.outcome = "FAILED";
        row.errorClass = refused.errorClass();
        row.errorMessage = refused.getMessage();
        row.repair = repair;
        cost(row, AttemptCost.Cost.NONE);
        return row;
    }

    private static void cost(ModelCallRecord row, AttemptCost.Cost cost) {
        row.costUsd = cost.usd();
        row.costSource = cost.source();
    }
}
