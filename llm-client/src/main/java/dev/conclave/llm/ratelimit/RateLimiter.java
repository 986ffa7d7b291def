package dev.conclave.llm.ratelimit;

import dev.conclave.llm.ModelCallException;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Waits for the fleet-wide bucket of a provider's model before a call. The bucket's limit comes
 * from {@code conclave.llm.providers.<provider>.requests-per-minute}; 0 means unlimited, which
 * only the offline simulator uses.
 */
@ApplicationScoped
public class RateLimiter {
    private final TokenBucket bucket;
    private final LlmConfig config;

    public RateLimiter(TokenBucket bucket, LlmConfig config) {
        this.bucket = bucket;
        this.config = config;
    }

    /** Blocks until the call may start; returns the milliseconds spent waiting. */
    public long acquire(ModelRef model) {
        LlmConfig.ProviderConfig limits = config.providers().get(model.provider());
        int perMinute = limits == null ? 20 : limits.requestsPerMinute();
        if (perMinute <= 0) {
            return 0;
        }
        int burst = limits == null ? 1 : limits.burst();
        long started = System.nanoTime();
        try {
            long wait;
            while ((wait = bucket.tryTake(model.toString(), perMinute, burst)) > 0) {
                Thread.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("interrupted", "interrupted while waiting for the rate limit of " + model);
        } catch (RuntimeException e) {
            throw new ModelCallException("rate_limiter_unavailable",
                    "cannot reach the rate limiter in Redis for " + model + ": " + e.getMessage(), e);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
