package dev.conclave.llm.ratelimit;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One instance's own bucket while Redis is unreachable: its explicit share of a fleet-wide limit
 * (limit ÷ live instances last seen), with the same continuous refill, token reservation and
 * settling as the Redis scripts, counted in this process only.
 *
 * <p>It starts empty: the fleet bucket was in use when Redis went away, so this instance begins as
 * if it had just spent its share, rather than adding a burst on top of what the fleet already took.
 * Thread-safe; a take is a few arithmetic operations under the monitor.
 */
final class TokenBucket {
    private final double requestCapacity;
    private final double requestsPerNano;
    private final double tokenCapacity;
    private final double tokensPerNano;
    private final long dayAllowance;
    private final LocalDate day;

    private double requests;
    private double tokens;
    private long at;
    private long usedToday;

    /**
     * @param share        the fraction of the fleet's limits this instance may use (1 ÷ live instances)
     * @param usedToday    attempts the fleet had made today when Redis was last seen
     */
    TokenBucket(BucketSpec spec, double share, long usedToday, LocalDate today, long nowNanos) {
        double periodNanos = spec.period().toNanos();
        this.requestCapacity = Math.max(1, spec.requestCapacity() * share);
        this.requestsPerNano = spec.requests() * share / periodNanos;
        this.tokenCapacity = spec.tokens() * share;
        this.tokensPerNano = spec.tokens() * share / periodNanos;
        this.dayAllowance = (long) Math.floor(Math.max(0, spec.requestsPerDay() - usedToday) * share);
        this.day = today;
        this.at = nowNanos;
    }

    /** The UTC day a bucket counts attempts for; a new day starts a fresh bucket. */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    LocalDate day() {
        return day;
    }

    long dayAllowance() {
        return dayAllowance;
    }

    /**
     * Takes one request permit and {@code reserve} tokens, or says how long to wait for them.
     *
     * @param limitsDay whether the provider has a daily quota, checked before the rate
     * @return 0 when taken, -1 when today's share of the daily quota is spent, else ms to wait
     */
    synchronized long tryTake(long reserve, boolean limitsDay, long nowNanos) {
        if (limitsDay && usedToday >= dayAllowance) {
            return -1;
        }
        refill(nowNanos);
        double waitNanos = 0;
        if (requests < 1) {
            waitNanos = (1 - requests) / requestsPerNano;
        }
        double need = Math.min(reserve, tokenCapacity);
        if (tokenCapacity > 0 && tokens < need) {
            waitNanos = Math.max(waitNanos, (need - tokens) / tokensPerNano);
        }
        if (waitNanos > 0) {
            return Math.max(1, (long) Math.ceil(waitNanos / 1_000_000));
        }
        requests -= 1;
        tokens -= tokenCapacity > 0 ? need : 0;
        usedToday++;
        return 0;
    }

    /** Moves the token level by what the reservation was off by: a refund, or debt. */
    synchronized void settle(long reservedMinusActual, long nowNanos) {
        if (tokenCapacity > 0) {
            refill(nowNanos);
            tokens = Math.min(tokenCapacity, tokens + reservedMinusActual);
        }
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - at);
        requests = Math.min(requestCapacity, requests + elapsed * requestsPerNano);
        tokens = Math.min(tokenCapacity, tokens + elapsed * tokensPerNano);
        at = nowNanos;
    }
}
