package dev.conclave.llm;

import dev.conclave.delivery.RetryPolicy;
import dev.conclave.llm.cancel.CancelledRuns;
import dev.conclave.llm.cancel.RunCancelledException;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.metrics.AttemptRows;
import dev.conclave.llm.metrics.CallRecorder;
import dev.conclave.llm.metrics.ModelCallRecord;
import dev.conclave.llm.openai.Attempt;
import dev.conclave.llm.openai.CallFailure;
import dev.conclave.llm.openai.ChatCompletion;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.llm.openai.FailureClass;
import dev.conclave.llm.openai.RetryingCaller;
import dev.conclave.llm.progress.ProgressReporter;
import dev.conclave.llm.ratelimit.Permit;
import dev.conclave.llm.ratelimit.RateLimiter;
import dev.conclave.model.ProgressStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The attempts at one request to one model until the provider delivers an answer: each attempt waits for
 * its permit from the fleet-wide {@link RateLimiter} (reserving the prompt plus the answer's maximum
 * tokens, settled from the reported usage afterwards) and calls the provider; retryable failures are
 * retried by {@link RetryingCaller} under {@code conclave.llm.retry.*} (exponential backoff with full
 * jitter, honouring Retry-After, which also pauses the bucket for the whole fleet). Every failed attempt
 * is recorded as a {@code model_call} row here; the delivering attempt is handed back unrecorded, for the
 * caller to record once it has judged the answer.
 *
 * <p>A cancelled run ({@link CancelledRuns}) gets no further attempt: each is refused before it starts
 * (also after the wait for its permit), a call in flight is aborted and recorded as CANCELLED with no cost.
 */
@ApplicationScoped
public class ModelAttempts {
    /** Only for a request without its own timeout; the pipeline always sets the provider's. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final RetryPolicy retry;
    private final RateLimiter limiter;
    private final CallRecorder recorder;
    private final AttemptRows rows;
    private final ProgressReporter progress;
    private final CancelledRuns cancels;

    public ModelAttempts(LlmConfig config, RateLimiter limiter, CallRecorder recorder, AttemptRows rows,
            ProgressReporter progress, CancelledRuns cancels) {
        this.retry = config.retry().policy();
        this.limiter = limiter;
        this.recorder = recorder;
        this.rows = rows;
        this.progress = progress;
        this.cancels = cancels;
    }

    /** An answer the provider delivered and the attempt that delivered it, not yet judged or recorded. */
    public record Delivered(ChatCompletion completion, Attempt attempt, Permit permit, Instant startedAt,
            boolean repair) {
    }

    /**
     * The attempts (with retries) at {@code request}.
     *
     * @param repair whether this request asks the model to repair its earlier answer
     * @throws SingleModelCall.ModelGaveUp when no attempt delivered an answer
     * @throws RunCancelledException       when the run was cancelled meanwhile
     */
    public Delivered make(AttemptTarget at, ChatRequest request, boolean repair) {
        AnalysisTask task = at.task();
        ModelRef model = at.model();
        AtomicReference<Permit> permit = new AtomicReference<>();
        AtomicReference<Instant> startedAt = new AtomicReference<>();
        AtomicReference<Attempt> delivering = new AtomicReference<>();
        long reservation = (long) at.prompt().tokens() + (request.maxTokens() == null ? 0 : request.maxTokens());
        RetryingCaller caller = new RetryingCaller(sent -> {
            cancels.refuseIfCancelled(task.scanId(), task.run(), "no further attempt at " + model);
            if (!at.provider().simulated()) {
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
                        () -> at.provider().complete(model, task, sent));
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
                    ModelCallRecord row = abortedByCancel(task, attempt)
                            ? rows.cancelled(at, attempt, permit.get(), startedAt.get(), repair)
                            : rows.of(at, attempt, permit.get(), startedAt.get(), repair);
                    recorder.record(row);
                }
            });
        } catch (CallFailure failure) {
            if (cancels.isCancelled(task.scanId(), task.run())) {
                throw new RunCancelledException(task.scanId(), task.run(), "the call to " + model + " was aborted");
            }
            throw new SingleModelCall.ModelGaveUp(failure.getMessage(), failure.failureClass() == FailureClass.FATAL);
        } catch (ModelCallException refused) {
            // The limiter refused before any call started (daily quota spent, limiter unusable).
            recorder.record(rows.refused(at, refused, repair));
            throw new SingleModelCall.ModelGaveUp(refused.getMessage(), "daily_quota_exhausted".equals(refused.errorClass()));
        }
        return new Delivered(completion, delivering.get(), permit.get(), startedAt.get(), repair);
    }

    /** An attempt that ended because the cancel of its run interrupted it (not one that failed on its own). */
    private boolean abortedByCancel(AnalysisTask task, Attempt attempt) {
        return attempt.outcome() != Attempt.Outcome.SUCCEEDED && "interrupted".equals(attempt.errorClass())
                && cancels.isCancelled(task.scanId(), task.run());
    }
}
