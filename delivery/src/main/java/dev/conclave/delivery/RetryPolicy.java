package dev.conclave.delivery;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a failed step is tried again; every place in Conclave that retries holds one of these: a model
 * call's attempts at one model ({@code conclave.llm.retry.*}), a consumer's step while a dependency is
 * down ({@code conclave.delivery.*}, {@link Persistently}), the cancel channel's resubscription. The
 * loops differ (one writes a metrics row per attempt and honours Retry-After, one pauses its consumer
 * and reports what it waits for), the policy is this record.
 *
 * @param maxAttempts attempts in all, the first included, at failures judged {@link Verdict#AGAIN};
 *                    {@link #UNLIMITED} for no limit
 * @param base        the longest wait before the first retry; the ceiling doubles per retry
 * @param cap         the largest ceiling, however many retries came before
 * @param jitter      how a wait is drawn below its ceiling
 * @param deadline    all attempts together, waits included; null for none
 * @param retryable   what a failure means for the next attempt
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Jitter jitter, Duration deadline,
        Retryable retryable) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** How a wait is drawn below the retry's ceiling {@code min(cap, base·2^retry)}. */
    public enum Jitter {
        /** A random wait between 0 and the ceiling, so a fleet that failed together does not retry together. */
        FULL,
        /** The ceiling itself. */
        NONE
    }

    /** Whether a failure is tried again, and whether that try counts against {@link #maxAttempts}. */
    public enum Verdict {
        /** Trying again cannot help: the failure ends the retries. */
        STOP,
        /** Worth another attempt, up to {@link #maxAttempts} in all. */
        AGAIN,
        /** A dependency is down: wait it out without a limit; these do not count against {@link #maxAttempts}. */
        UNTIL_BACK
    }

    /** Sorts a failure into a {@link Verdict}. */
    @FunctionalInterface
    public interface Retryable {
        Verdict judge(Throwable failure);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least 1 attempt, not " + maxAttempts);
        }
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, not base " + base + " and cap " + cap);
        }
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("a retry deadline must be positive, not " + deadline);
        }
        if (jitter == null || retryable == null) {
            throw new IllegalArgumentException("a retry policy needs its jitter and what is retryable");
        }
    }

    /** The waits of one run of attempts, drawn from a generator of their own. */
    public Backoff backoff() {
        return backoff(new Random(ThreadLocalRandom.current().nextLong()));
    }

    /** As {@link #backoff()}, drawing from {@code random} (seeded, the waits repeat). */
    public Backoff backoff(Random random) {
        return new Backoff(base, cap, jitter, random);
    }

    /** Whether another attempt may follow {@code counted} attempts that ended in {@link Verdict#AGAIN}. */
    public boolean mayTryAgain(int counted) {
        return counted < maxAttempts;
    }
}
