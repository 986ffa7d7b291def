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

    /**
     * Blocks until a call to {@code model} may start, reserving {@code estimatedTokens} against the
     * token limit. Throws {@link ModelCallException} ({@code daily_quota_exhausted}) when the
     * provider's daily quota is spent, so the caller moves to the next model.
     */
    public Permit acquire(ModelRef model, long estimatedTokens) {
        long waited = acquire(model);
        return new Permit(model.toString(), waited, estimatedTokens, waited < 0 ? LimitMode.UNLIMITED : LimitMode.FLEET);
    }

    /** Replaces the permit's reservation by the tokens the provider reported. */
    public void settle(Permit permit, long actualTokens) {
        // Token limits are not counted yet.
    }

    /** The provider asked to wait (429 with Retry-After, or reset headers): no instance starts a call on the bucket until then. */
    public void pause(ModelRef model, java.time.Duration wait) {
        // Not shared yet.
    }

    /** Blocks until the call may start; returns the milliseconds spent waiting. */
    private long acquire(ModelRef model) {
        LlmConfig.ProviderConfig provider = config.providers().get(model.provider());
        int requests = provider == null ? 20 : provider.limits().requests();
        if (requests <= 0) {
            return 0;
        }
        long periodMs = provider == null ? 60_000 : provider.limits().period().toMillis();
        int perMinute = (int) Math.max(1, Math.round(requests * 60_000.0 / periodMs));
        int burst = provider == null ? 1 : provider.limits().burst();
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
