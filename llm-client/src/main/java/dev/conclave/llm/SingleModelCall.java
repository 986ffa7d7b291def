package dev.conclave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.llm.cancel.CancelledRuns;
import dev.conclave.llm.cancel.RunCancelledException;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.metrics.CallRecorder;
import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.openai.Attempt;
import dev.conclave.delivery.RetryPolicy;
import dev.conclave.llm.openai.CallFailure;
import dev.conclave.llm.openai.ChatCompletion;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.llm.openai.FailureClass;
import dev.conclave.llm.openai.RetryingCaller;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.llm.prompt.RenderedPrompt;
import dev.conclave.llm.ratelimit.Permit;
import dev.conclave.llm.ratelimit.RateLimiter;
import dev.conclave.llm.routing.PriceTable;
import dev.conclave.llm.structured.JsonExtractor;
import dev.conclave.llm.structured.RoleSchema;
import dev.conclave.llm.structured.SchemaValidator;
import dev.conclave.model.ProgressStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The attempts at one model for one task: each attempt waits for its permit from the fleet-wide
 * {@link RateLimiter} (reserving the prompt plus the answer's maximum tokens, settled from the reported
 * usage afterwards), calls the provider, and is recorded as one metrics row. Retryable failures are
 * retried by {@link RetryingCaller} (exponential backoff with full jitter, honouring Retry-After, which
 * also pauses the bucket for the whole fleet). An answer that is not valid JSON of the role's schema gets
 * one repair attempt that quotes what was wrong; a second bad answer gives up on the model.
 *
 * <p>A cancelled run ({@link CancelledRuns}) gets no further attempt, retry or repair: each is refused
 * before it starts (also after the wait for its permit), a call in flight is aborted, and the aborted
 * attempt is recorded as CANCELLED with no cost.
 */
@ApplicationScoped
public class SingleModelCall {
    private static final int QUOTED_ANSWER_LIMIT = 4_000;
    /** Only for a request without its own timeout; the pipeline always sets the provider's. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final RetryPolicy retry;
    private final RateLimiter limiter;
    private final PriceTable prices;
    private final CallRecorder recorder;
    private final WorkerIdentity identity;
    private final ProgressReporter progress;
    private final CancelledRuns cancels;
    private final JsonExtractor extractor = new JsonExtractor();
    private final SchemaValidator validator = new SchemaValidator();

    public SingleModelCall(LlmConfig config, RateLimiter limiter, PriceTable prices, CallRecorder recorder,
            WorkerIdentity identity, ProgressReporter progress, CancelledRuns cancels) {
        this.progress = progress;
        this.cancels = cancels;
        this.retry = config.retry().policy();
        this.limiter = limiter;
        this.prices = prices;
        this.recorder = recorder;
        this.identity = identity;
    }

    /** A schema-valid answer and what the attempt that produced it used. */
    public record Answer(JsonNode analysis, String answeringModel, int promptTokens, int completionTokens,
            BigDecimal costUsd) {
    }

    /**
     * No usable answer from this model.
     *
     * @param providerUnusable true when no model of this provider can succeed now (key refused,
     *                         request invalid, daily quota spent)
     */
    public static final class ModelGaveUp extends RuntimeException {
        private final boolean providerUnusable;

        ModelGaveUp(String message, boolean providerUnusable) {
            super(message);
            this.providerUnusable = providerUnusable;
        }

        public boolean providerUnusable() {
            return providerUnusable;
        }
    }

    /**
     * Calls the model until it gives a schema-valid answer (with retries and one repair).
     *
     * @param keep runs with the valid answer before its SUCCEEDED row is written (the caller stores it in
     *             the cache there): a process killed after the row was written has the answer kept, so
     *             the message's redelivery is answered from the cache instead of paying the model again
     */
    public Answer call(AnalysisTask task, ModelRef model, ModelProvider provider, RenderedPrompt prompt,
            RoleSchema schema, ChatRequest request, Consumer<Answer> keep) {
        Delivered first = attempts(task, model, provider, prompt, request, false);
        Optional<JsonNode> answer = usable(task, model, prompt, provider, first, schema);
        if (answer.isPresent()) {
            return accept(task, model, prompt, provider, first, answer.get(), keep);
        }
        cancels.refuseIfCancelled(task.scanId(), task.run(), "no repair of " + model + "'s answer");
        progress.report(task.scanId(), task.run(), task.role(), ProgressStage.REPAIRING, model.toString(),
                truncate(String.join("; ", first.violations(validator, schema)), 200));
        Delivered repaired = attempts(task, model, provider, prompt,
                repairRequest(request, first.completion(), first.violations(validator, schema)), true);
        answer = usable(task, model, prompt, provider, repaired, schema);
        if (answer.isPresent()) {
            return accept(task, model, prompt, provider, repaired, answer.get(), keep);
        }
        List<String> stillWrong = repaired.violations(validator, schema);
        throw new ModelGaveUp(model + " answered outside the " + schema.name() + " schema twice (the second time"
                + " after a repair request): " + String.join("; ", stillWrong.subList(0, Math.min(3, stillWrong.size()))),
                false);
    }

    /** An answer the provider delivered, and the attempt that delivered it; not yet validated. */
    private record Delivered(ChatCompletion completion, Attempt attempt, Permit permit, Instant startedAt,
            boolean repair, Optional<JsonNode> json) {

        List<String> violations(SchemaValidator validator, RoleSchema schema) {
            return json.map(value -> validator.validate(value, schema.schema()))
                    .orElse(List.of("the answer contains no JSON object"));
        }
    }

    /** The schema-valid JSON of a delivered answer; an unusable one is recorded as a failed attempt. */
    private Optional<JsonNode> usable(AnalysisTask task, ModelRef model, RenderedPrompt prompt, ModelProvider provider,
            Delivered delivered, RoleSchema schema) {
        List<String> violations = delivered.violations(validator, schema);
        if (violations.isEmpty()) {
            return delivered.json();
        }
        ModelCallRecord row = row(task, model, prompt, provider, delivered.attempt(), delivered.permit(),
                delivered.startedAt(), delivered.repair());
        row.outcome = "FAILED";
        row.errorClass = delivered.json().isPresent() ? "schema_violation" : "malformed_json";
        row.errorMessage = truncate(String.join("; ", violations), 2_000);
        recorder.record(row);
        return Optional.empty();
    }

    private Answer accept(AnalysisTask task, ModelRef model, RenderedPrompt prompt, ModelProvider provider,
            Delivered delivered, JsonNode analysis, Consumer<Answer> keep) {
        ModelCallRecord row = row(task, model, prompt, provider, delivered.attempt(), delivered.permit(),
                delivered.startedAt(), delivered.repair());
        ChatCompletion completion = delivered.completion();
        Answer answer = new Answer(analysis, completion.answeringModel(), completion.promptTokens(),
                completion.completionTokens(), row.costUsd);
        keep.accept(answer);
        recorder.record(row);
        return answer;
    }

    /**
     * The attempts (with retries) at one request. Failed attempts are recorded here; the delivering
     * attempt is recorded by the caller once its answer has been validated, as SUCCEEDED or FAILED.
     */
    private Delivered attempts(AnalysisTask task, ModelRef model, ModelProvider provider, RenderedPrompt prompt,
            ChatRequest request, boolean repair) {
        AtomicReference<Permit> permit = new AtomicReference<>();
        AtomicReference<Instant> startedAt = new AtomicReference<>();
        AtomicReference<Attempt> delivering = new AtomicReference<>();
        long reservation = (long) prompt.tokens() + (request.maxTokens() == null ? 0 : request.maxTokens());
        RetryingCaller caller = new RetryingCaller(sent -> {
            cancels.refuseIfCancelled(task.scanId(), task.run(), "no further attempt at " + model);
            if (!provider.simulated()) {
                progress.report(task.scanId(), task.run(), task.role(), ProgressStage.WAITING_FOR_RATE_LIMIT,
                        model.toString(), null);
            }
            permit.set(limiter.acquire(model, reservation, task.replay()));
            if (cancels.isCancelled(task.scanId(), task.run())) {
                limiter.settle(permit.get(), 0); // cancelled while it waited for the permit: nothing was sent
                throw new RunCancelledException(task.scanId(), task.run(), "no call to " + model + " after its permit");
            }
            progress.report(task.scanId(), task.run(), task.role(), ProgressStage.CALLING_MODEL, model.toString(),
                    permit.get().waitedMs() > 0 ? "after " + permit.get().waitedMs() + " ms for the rate limit" : null);
            startedAt.set(Instant.now());
            try {
                ChatCompletion answer = cancels.abortable(task.scanId(), task.run(),
                        () -> provider.complete(model, task, sent));
                limiter.settle(permit.get(), (long) answer.promptTokens() + answer.completionTokens());
                return answer;
            } catch (CallFailure failure) {
                limiter.settle(permit.get(), failure.billedAnswer()
                        .map(billed -> (long) billed.promptTokens() + billed.completionTokens()).orElse(0L));
                if (failure.failureClass() == FailureClass.RETRYABLE) {
                    failure.serverWait().ifPresent(wait -> limiter.pause(model, wait));
                }
                throw failure;
            }
        }, DEFAULT_TIMEOUT, retry, retry.backoff(), wait -> cancels.pause(task.scanId(), task.run(), wait));
        ChatCompletion completion;
        try {
            completion = caller.call(request, attempt -> {
                if (attempt.outcome() == Attempt.Outcome.SUCCEEDED) {
                    delivering.set(attempt);
                } else {
                    if (attempt.outcome() == Attempt.Outcome.RETRIED) {
                        progress.report(task.scanId(), task.run(), task.role(), ProgressStage.RETRYING,
                                model.toString(), attempt.errorClass() + "; attempt " + (attempt.number() + 1) + " in "
                                        + attempt.backoff().toMillis() + " ms");
                    }
                    ModelCallRecord row = row(task, model, prompt, provider, attempt, permit.get(), startedAt.get(), repair);
                    if (abortedByCancel(task, attempt)) {
                        cancelled(row);
                    }
                    recorder.record(row);
                }
            });
        } catch (CallFailure failure) {
            if (cancels.isCancelled(task.scanId(), task.run())) {
                throw new RunCancelledException(task.scanId(), task.run(), "the call to " + model + " was aborted");
            }
            throw new ModelGaveUp(failure.getMessage(), failure.failureClass() == FailureClass.FATAL);
        } catch (ModelCallException refused) {
            // The limiter refused before any call started (daily quota spent, limiter unusable).
            recorder.record(refusedRow(task, model, prompt, refused, repair));
            throw new ModelGaveUp(refused.getMessage(), "daily_quota_exhausted".equals(refused.errorClass()));
        }
        return new Delivered(completion, delivering.get(), permit.get(), startedAt.get(), repair,
                extractor.extract(completion.content()));
    }

    /** An attempt that ended because the cancel of its run interrupted it (not one that failed on its own). */
    private boolean abortedByCancel(AnalysisTask task, Attempt attempt) {
        return attempt.outcome() != Attempt.Outcome.SUCCEEDED && "interrupted".equals(attempt.errorClass())
                && cancels.isCancelled(task.scanId(), task.run());
    }

    /**
     * The row of an attempt the cancel aborted: CANCELLED, and no cost recorded, since no answer was
     * received (a provider may still bill what it generated before the connection closed).
     */
    private static void cancelled(ModelCallRecord row) {
        row.outcome = "CANCELLED";
        row.errorClass = "cancelled";
        row.errorMessage = "the run was cancelled; the request was aborted before an answer arrived";
        row.promptTokens = 0;
        row.completionTokens = 0;
        row.totalTokens = 0;
        row.costUsd = BigDecimal.ZERO;
        row.costSource = "NONE";
    }

    private ModelCallRecord row(AnalysisTask task, ModelRef model, RenderedPrompt prompt, ModelProvider provider,
            Attempt attempt, Permit permit, Instant startedAt, boolean repair) {
        ModelCallRecord row = ModelCallRecord.of(task, model, prompt.version(), identity.name(),
                startedAt == null ? Instant.now() : startedAt);
        row.attempt = attempt.number();
        row.outcome = attempt.outcome().name();
        row.errorClass = attempt.errorClass();
        row.errorMessage = attempt.message();
        row.httpStatus = provider.simulated() ? null : attempt.httpStatus();
        row.answeringModel = attempt.answeringModel();
        row.promptTokens = attempt.promptTokens();
        row.completionTokens = attempt.completionTokens();
        row.totalTokens = attempt.promptTokens() + attempt.completionTokens();
        row.ttfbMs = attempt.ttfbMs();
        row.latencyMs = attempt.latencyMs();
        row.generationId = attempt.generationId();
        row.simulated = provider.simulated();
        row.repair = repair;
        if (permit != null) {
            row.rateLimitWaitMs = permit.waitedMs();
            row.rateLimitMode = permit.recordedMode();
            row.grantedAt = permit.grantedAt();
        }
        cost(row, model, provider, attempt);
        return row;
    }

    /** The provider's own figure where it reports one, else the price table's, else unknown. */
    private void cost(ModelCallRecord row, ModelRef model, ModelProvider provider, Attempt attempt) {
        if (provider.simulated()) {
            row.costUsd = BigDecimal.ZERO;
            row.costSource = "FREE";
        } else if (attempt.costUsd() != null) {
            row.costUsd = attempt.costUsd();
            row.costSource = "PROVIDER";
        } else if (row.totalTokens == 0) {
            row.costUsd = BigDecimal.ZERO;
            row.costSource = "NONE";
        } else {
            Optional<BigDecimal> priced = prices.cost(model, row.promptTokens, row.completionTokens);
            row.costUsd = priced.orElse(null);
            row.costSource = priced.isPresent() ? "PRICE_TABLE" : "NONE";
        }
    }

    private ModelCallRecord refusedRow(AnalysisTask task, ModelRef model, RenderedPrompt prompt,
            ModelCallException refused, boolean repair) {
        ModelCallRecord row = ModelCallRecord.of(task, model, prompt.version(), identity.name(), Instant.now());
        row.outcome = "FAILED";
        row.errorClass = refused.errorClass();
        row.errorMessage = refused.getMessage();
        row.repair = repair;
        row.costUsd = BigDecimal.ZERO;
        row.costSource = "NONE";
        return row;
    }

    private static ChatRequest repairRequest(ChatRequest request, ChatCompletion bad, List<String> violations) {
        String user = request.user() + "\n\nYour previous answer was:\n" + truncate(bad.content(), QUOTED_ANSWER_LIMIT)
                + "\n\nIt does not fit the required JSON schema:\n- " + String.join("\n- ", violations)
                + "\n\nAnswer again with only the corrected JSON object.";
        return new ChatRequest(request.model(), request.system(), user, request.temperature(), request.maxTokens(),
                request.responseSchema(), request.includeUsage(), request.timeout());
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "…";
    }
}
