package dev.conclave.delivery;

import java.time.Duration;
import java.util.Random;

/**
 * The waits of one run of retries under a {@link RetryPolicy}: before retry {@code n} (0 for the first)
 * the ceiling is {@code min(cap, base·2^n)}; with full jitter the wait is a random time between 0 and
 * the ceiling, which keeps a fleet of workers that failed together from retrying together. A wait the
 * server asked for ({@code Retry-After}) wins when it is longer. Deterministic when given a seeded
 * {@link Random}.
 */
public final class Backoff {
    private final long baseMs;
    private final long capMs;
    private final RetryPolicy.Jitter jitter;
    private final Random random;

    /** Exponential backoff with full jitter. */
    public Backoff(Duration base, Duration cap, Random random) {
        this(base, cap, RetryPolicy.Jitter.FULL, random);
    }

    Backoff(Duration base, Duration cap, RetryPolicy.Jitter jitter, Random random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, not base " + base + " and cap " + cap);
        }
        this.baseMs = base.toMillis();
        this.capMs = cap.toMillis();
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * How long to wait before retry {@code retry} (0-based).
     *
     * @param serverWait what the server asked for, or null
     */
    public Duration delay(int retry, Duration serverWait) {
        long ceiling = ceilingMs(retry);
        Duration jittered = Duration.ofMillis(jitter == RetryPolicy.Jitter.FULL ? random.nextLong(ceiling + 1) : ceiling);
        return serverWait != null && serverWait.compareTo(jittered) > 0 ? serverWait : jittered;
    }

    /** {@code min(cap, base·2^retry)}, without overflowing for large retry counts. */
    public long ceilingMs(int retry) {
        int doublings = Math.max(0, Math.min(retry, 62));
        return baseMs > (capMs >> doublings) ? capMs : Math.min(capMs, baseMs << doublings);
    }
}
