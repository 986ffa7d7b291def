package dev.conclave.llm.openai;

import dev.conclave.delivery.Backoff;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Calls one model up to {@code maxAttempts} times within an overall deadline, retrying only
 * {@link FailureClass#RETRYABLE} failures after a {@link Backoff}. Every attempt, failed or not, is
 * reported to the caller's listener as it ends, so each becomes one metrics row.
 *
 * <p>The failure thrown at the end keeps its class: {@code NEXT_MODEL} and {@code FATAL} end at once;
 * {@code RETRYABLE} means the retries for this model are used up, and the caller moves on as for
 * {@code NEXT_MODEL}. Waiting for a {@code Retry-After} that would pass the deadline is not attempted.
 */
public final class RetryingCaller {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Room for the attempts at the default 120 s timeout to be slow but not all to hang. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

    private final Transport transport;
    private final Duration defaultTimeout;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration deadline;
    private final Pause pause;

    public RetryingCaller(OpenAiCompatibleClient client) {
        this(client, new Backoff(), DEFAULT_MAX_ATTEMPTS, DEFAULT_DEADLINE);
    }

    public RetryingCaller(OpenAiCompatibleClient client, Backoff backoff, int maxAttempts, Duration deadline) {
        this(client::complete, client.settings().timeout(), backoff, maxAttempts, deadline);
    }

    /**
     * Retries whatever {@code transport} does: the model-call pipeline puts the rate limiter and the
     * provider behind it, so every attempt waits for its own permit.
     *
     * @param defaultTimeout per attempt, unless the request sets its own
     */
    public RetryingCaller(Transport transport, Duration defaultTimeout, Backoff backoff, int maxAttempts,
            Duration deadline) {
        this(transport, defaultTimeout, backoff, maxAttempts, deadline, Thread::sleep);
    }

    /**
     * As above, waiting out each backoff with {@code pause}: the model-call pipeline's returns early
     * when the run is cancelled, and the transport then refuses the next attempt.
     */
    public RetryingCaller(Transport transport, Duration defaultTimeout, Backoff backoff, int maxAttempts,
            Duration deadline, Pause pause) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        this.transport = transport;
        this.defaultTimeout = defaultTimeout;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.deadline = deadline;
        this.pause = pause;
    }

    /**
     * The first usable answer; otherwise throws the last attempt's {@link CallFailure}.
     *
     * @param onAttempt told about every attempt as it ends, on the calling thread
     */
    public ChatCompletion call(ChatRequest request, Consumer<Attempt> onAttempt) {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        Duration perAttempt = request.timeout() != null ? request.timeout() : defaultTimeout;
        for (int number = 1;; number++) {
            // The last attempt gets only what is left of the deadline, so the deadline holds.
            Duration timeout = min(perAttempt, remaining(deadlineAt));
            CallFailure failure;
            try {
                ChatCompletion answer = transport.send(request.withTimeout(timeout));
                onAttempt.accept(Attempt.succeeded(number, request.model(), answer));
                return answer;
            } catch (CallFailure e) {
                failure = e;
            }
            if (failure.failureClass() != FailureClass.RETRYABLE) {
                onAttempt.accept(Attempt.failed(number, request.model(), failure, null));
                throw failure;
            }
            if (number >= maxAttempts) {
                onAttempt.accept(Attempt.failed(number, request.model(), failure, null));
                throw failure.gaveUp("gave up after " + number + " attempts");
            }
            Duration wait = backoff.delay(number - 1, failure.serverWait().orElse(null));
            if (wait.compareTo(remaining(deadlineAt)) >= 0) {
                onAttempt.accept(Attempt.failed(number, request.model(), failure, null));
                throw failure.gaveUp("gave up after " + number + " attempt(s): waiting " + wait.toMillis()
                        + " ms more would pass the " + deadline.toSeconds() + " s deadline");
            }
            onAttempt.accept(Attempt.failed(number, request.model(), failure, wait));
            sleep(pause, wait, failure);
        }
    }

    private static Duration remaining(long deadlineAt) {
        return Duration.ofNanos(Math.max(deadlineAt - System.nanoTime(), Duration.ofMillis(1).toNanos()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Pause pause, Duration wait, CallFailure failure) {
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailure(FailureClass.FATAL, "interrupted", "interrupted while waiting to retry: "
                    + failure.getMessage(), failure.httpStatus(), failure.hints(), null, failure.ttfbMs(),
                    failure.latencyMs(), e);
        }
    }

    /** Waits out a backoff; may return early, never later. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration wait) throws InterruptedException;
    }

    /** One attempt: sends the request and returns a usable answer or throws a classified {@link CallFailure}. */
    @FunctionalInterface
    public interface Transport {
        ChatCompletion send(ChatRequest request);
    }
}
