package dev.conclave.delivery;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: before retry {@code n} (0 for the first) wait a random time
 * between 0 and {@code min(cap, base·2^n)}. The jitter keeps a fleet of workers that failed together
 * from retrying together; a wait the server asked for ({@code Retry-After}) wins when it is longer.
 * Deterministic when given a seeded {@link Random}.
 */
public final class Backoff {
    public static final Duration DEFAULT_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    private final long baseMs;
    private final long capMs;
    private final Random random;

    public Backoff() {
        this(DEFAULT_BASE, DEFAULT_CAP, new Random());
    }

    public Backoff(Duration base, Duration cap, Random random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, not base " + base + " and cap " + cap);
        }
        this.baseMs = base.toMillis();
        this.capMs = cap.toMillis();
        this.random = random;
    }

    /**
     * How long to wait before retry {@code retry} (0-based).
     *
     * @param serverWait what the server asked for, or null
     */
    public Duration delay(int retry, Duration serverWait) {
        Duration jittered = Duration.ofMillis(random.nextLong(ceilingMs(retry) + 1));
        return serverWait != null && serverWait.compareTo(jittered) > 0 ? serverWait : jittered;
    }

    /** {@code min(cap, base·2^retry)}, without overflowing for large retry counts. */
    public long ceilingMs(int retry) {
        int doublings = Math.max(0, Math.min(retry, 62));
        return baseMs > (capMs >> doublings) ? capMs : Math.min(capMs, baseMs << doublings);
    }
}
