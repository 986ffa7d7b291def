package dev.conclave.gateway.limits;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perInstance} holders on this instance and {@code perKey} per API key, counted while
 * held. A refused request takes nothing. Counts live in this process only: they bound what this
 * instance reads and holds open, which is what they protect.
 */
public final class ConcurrencyLimit {
    private final String what;
    private final int perInstance;
    private final String perInstanceKey;
    private final int perKey;
    private final String perKeyKey;
    private final long retryAfterSeconds;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<UUID, Integer> byKey = new ConcurrentHashMap<>();

    /**
     * @param what           the thing counted, plural, for messages ("uploads", "event streams")
     * @param perInstanceKey the property that sets {@code perInstance}, named in refusals
     */
    public ConcurrencyLimit(String what, int perInstance, String perInstanceKey, int perKey, String perKeyKey,
            long retryAfterSeconds) {
        this.what = what;
        this.perInstance = perInstance;
        this.perInstanceKey = perInstanceKey;
        this.perKey = perKey;
        this.perKeyKey = perKeyKey;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** One slot, released by closing it (once; a second close does nothing). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot for {@code key}, or refuses with the limit that was reached. */
    public Slot acquire(UUID key) {
        if (total.incrementAndGet() > perInstance) {
            total.decrementAndGet();
            throw new LimitExceededException("%d %s are in progress on this gateway instance, the limit (%s=%d); retry shortly"
                    .formatted(perInstance, what, perInstanceKey, perInstance), retryAfterSeconds);
        }
        boolean[] taken = {false};
        byKey.compute(key, (k, held) -> {
            int now = held == null ? 0 : held;
            if (now >= perKey) {
                return held;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            total.decrementAndGet();
            throw new LimitExceededException("this API key has %d %s in progress, the limit (%s=%d); wait for one to end"
                    .formatted(perKey, what, perKeyKey, perKey), retryAfterSeconds);
        }
        AtomicInteger released = new AtomicInteger();
        return () -> {
            if (released.getAndIncrement() == 0) {
                byKey.computeIfPresent(key, (k, held) -> held <= 1 ? null : held - 1);
                total.decrementAndGet();
            }
        };
    }

    /** Slots held now on this instance, for tests and operators. */
    public int inUse() {
        return total.get();
    }
}
