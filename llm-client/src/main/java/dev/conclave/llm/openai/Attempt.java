package dev.conclave.llm.openai;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One try at one model, as {@link RetryingCaller} reports it: enough for one row of call metrics.
 * A failed attempt that the provider still billed (a truncated answer) carries its tokens and cost.
 *
 * @param failureClass  null when the attempt succeeded
 * @param errorClass    e.g. {@code http_429}, {@code timeout}; null when the attempt succeeded
 * @param httpStatus    null when no response arrived
 * @param answeringModel null when no model answered
 * @param costUsd       null when the provider reported no cost
 * @param ttfbMs        null when no response arrived
 * @param retryAfter    what the provider asked to wait ({@code Retry-After}), or null
 * @param backoff       how long the caller waits before the next attempt; null unless the outcome is RETRIED
 */
public record Attempt(int number, String requestedModel, Outcome outcome, FailureClass failureClass,
        String errorClass, String message, Integer httpStatus, String answeringModel, int promptTokens,
        int completionTokens, BigDecimal costUsd, String generationId, Long ttfbMs, long latencyMs,
        Duration retryAfter, Duration backoff) {

    public enum Outcome {
        SUCCEEDED,
        /** Failed, and another attempt at the same model follows. */
        RETRIED,
        /** Failed, and this was the last attempt at this model. */
        FAILED
    }

    static Attempt succeeded(int number, String requestedModel, ChatCompletion answer) {
        return new Attempt(number, requestedModel, Outcome.SUCCEEDED, null, null, null, answer.httpStatus(),
                answer.answeringModel(), answer.promptTokens(), answer.completionTokens(), answer.costUsd(),
                answer.generationId(), answer.ttfbMs(), answer.latencyMs(), null, null);
    }

    static Attempt failed(int number, String requestedModel, CallFailure failure, Duration backoff) {
        ChatCompletion billed = failure.billedAnswer().orElse(null);
        return new Attempt(number, requestedModel, backoff == null ? Outcome.FAILED : Outcome.RETRIED,
                failure.failureClass(), failure.errorClass(), failure.getMessage(), failure.httpStatus(),
                billed == null ? null : billed.answeringModel(),
                billed == null ? 0 : billed.promptTokens(),
                billed == null ? 0 : billed.completionTokens(),
                billed == null ? null : billed.costUsd(),
                billed == null ? null : billed.generationId(),
                failure.ttfbMs(), failure.latencyMs(), failure.retryAfter().orElse(null), backoff);
    }
}
