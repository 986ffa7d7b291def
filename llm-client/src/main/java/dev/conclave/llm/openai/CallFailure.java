package dev.conclave.llm.openai;

import dev.conclave.delivery.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * A chat-completions call that gave no usable answer, classified ({@link #failureClass()}) so the
 * caller knows whether to retry, move to the next model or stop. The message is meant for a user:
 * it says what went wrong and, where there is something to do, what. It never contains the API key.
 */
public final class CallFailure extends RuntimeException {
    private final FailureClass failureClass;
    private final String errorClass;
    private final Integer httpStatus;
    private final RateLimitHints hints;
    private final ChatCompletion billedAnswer;
    private final Long ttfbMs;
    private final long latencyMs;

    /**
     * @param errorClass   short and stable, for the metrics' error class: {@code http_429}, {@code timeout}, …
     * @param httpStatus   null when no response arrived
     * @param billedAnswer the parsed answer when the provider answered (and billed) but it is unusable
     * @param ttfbMs       null when no response arrived
     */
    public CallFailure(FailureClass failureClass, String errorClass, String message, Integer httpStatus,
            RateLimitHints hints, ChatCompletion billedAnswer, Long ttfbMs, long latencyMs, Throwable cause) {
        super(message, cause);
        this.failureClass = failureClass;
        this.errorClass = errorClass;
        this.httpStatus = httpStatus;
        this.hints = hints == null ? RateLimitHints.NONE : hints;
        this.billedAnswer = billedAnswer;
        this.ttfbMs = ttfbMs;
        this.latencyMs = latencyMs;
    }

    public FailureClass failureClass() {
        return failureClass;
    }

    /**
     * Whether the same model is tried again after {@code failure}: only a {@link FailureClass#RETRYABLE}
     * call failure, counted against the policy's attempts; anything else (a refused permit, a cancel) stops.
     */
    public static RetryPolicy.Verdict retry(Throwable failure) {
        return failure instanceof CallFailure call && call.failureClass == FailureClass.RETRYABLE
                ? RetryPolicy.Verdict.AGAIN : RetryPolicy.Verdict.STOP;
    }

    public String errorClass() {
        return errorClass;
    }

    /** Null when the call failed before a response arrived (connection, timeout). */
    public Integer httpStatus() {
        return httpStatus;
    }

    public RateLimitHints hints() {
        return hints;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(hints.retryAfter());
    }

    /**
     * How long the provider asked us to wait: {@code Retry-After}, or for a 429 without it the soonest
     * rate-limit reset. Reset headers on other statuses are ignored: OpenAI sends them on every response.
     */
    public Optional<Duration> serverWait() {
        if (hints.retryAfter() != null) {
            return Optional.of(hints.retryAfter());
        }
        return isRateLimit() ? Optional.ofNullable(hints.earliestReset()) : Optional.empty();
    }

    /** The answer the provider produced and billed but that could not be used (e.g. truncated). */
    public Optional<ChatCompletion> billedAnswer() {
        return Optional.ofNullable(billedAnswer);
    }

    public Long ttfbMs() {
        return ttfbMs;
    }

    public long latencyMs() {
        return latencyMs;
    }

    /** The same failure, its message prefixed with why no further attempt is made. */
    CallFailure gaveUp(String why) {
        return new CallFailure(failureClass, errorClass, why + ": " + getMessage(), httpStatus, hints, billedAnswer,
                ttfbMs, latencyMs, this);
    }

    /** A 429, or OpenRouter's 429 inside a 200 body ({@code error_in_body_429}). */
    private boolean isRateLimit() {
        return Integer.valueOf(429).equals(httpStatus) || errorClass.endsWith("_429");
    }
}
