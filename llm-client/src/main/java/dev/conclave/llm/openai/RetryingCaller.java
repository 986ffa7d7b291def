package dev.conclave.llm.openai;

import dev.conclave.delivery.Backoff;
import dev.conclave.delivery.RetryPolicy;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Calls one model under a {@link RetryPolicy} ({@code conclave.llm.retry.*}): up to its attempts within
 * its deadline, retrying the failures it judges worth another attempt ({@link CallFailure#retry}: the
 * {@link FailureClass#RETRYABLE} ones) after its {@link Backoff}, or after the provider's Retry-After when
 * that is longer. Every attempt, failed or not, is reported to the caller's listener as it ends, so each
 * becomes one metrics row.
 *
 * <p>The failure thrown at the end keeps its class: {@code NEXT_MODEL} and {@code FATAL} end at once;
 * {@code RETRYABLE} means the retries for this model are used up, and the caller moves on as for
 * {@code NEXT_MODEL}. Waiting for a {@code Retry-After} that would pass the deadline is not attempted.
 */
public final class RetryingCaller {
    private final Transport transport;
    private final Duration defaultTimeout;
    private final RetryPolicy policy;
    private final Backoff backoff;
    private final Pause pause;

    /** Calls {@code client} under {@code policy}, waiting out each backoff with {@link Thread#sleep}. */
    public RetryingCaller(OpenAiCompatibleClient client, RetryPolicy policy, Backoff backoff) {
        this(client::complete, client.settings().timeout(), policy, backoff, Thread::sleep);
    }

    /**
     * Retries whatever {@code transport} does: the model-call pipeline puts the rate limiter and the
     * provider behind it, so every attempt waits for its own permit. Each backoff is waited out with
     * {@code pause}: the pipeline's returns early when the run is cancelled, and the transport then
     * refuses the next attempt.
     *
     * @param defaultTimeout per attempt, unless the request sets its own
     * @param backoff        the waits of this run of attempts ({@link RetryPolicy#backoff()})
     */
    public RetryingCaller(Transport transport, Duration defaultTimeout, RetryPolicy policy, Backoff backoff,
            Pause pause) {
        if (policy.deadline() == null) {
            throw new IllegalArgumentException("a model's attempts need a deadline");
        }
        this.transport = transport;
        this.defaultTimeout = defaultTimeout;
        this.policy = policy;
        this.backoff = backoff;
        this.pause = pause;
    }

    /**
     * The first usable answer; otherwise throws the last attempt's {@link CallFailure}.
     *
     * @param onAttempt told about every attempt as it ends, on the calling thread
     */
    public ChatCompletion call(ChatRequest request, Consumer<Attempt> onAttempt) {
        Duration deadline = policy.deadline();
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        Duration perAttempt = request.timeout() != null ? request.timeout() : defaultTimeout;
        int counted = 0;
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
            RetryPolicy.Verdict verdict = policy.retryable().judge(failure);
            if (verdict == RetryPolicy.Verdict.STOP) {
                onAttempt.accept(Attempt.failed(number, request.model(), failure, null));
                throw failure;
            }
            if (verdict == RetryPolicy.Verdict.AGAIN && !policy.mayTryAgain(++counted)) {
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
