package dev.conclave.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long and how often a step is retried while a dependency is down. */
@ConfigMapping(prefix = "conclave.delivery")
public interface DeliveryConfig {

    /** The first wait before retrying a step whose dependency was unavailable; doubles per retry, with full jitter. */
    @WithDefault("200ms")
    Duration retryBase();

    /** The longest wait between two retries: how soon after a dependency is back work resumes, at most. */
    @WithDefault("5s")
    Duration retryCap();

    /** Attempts at a step that failed in an unexpected way (a bug) before its message is dead-lettered. */
    @WithDefault("5")
    int unexpectedAttempts();

    /**
     * The policy {@link Persistently} runs a step under: transient failures waited out without a limit,
     * unexpected ones {@link #unexpectedAttempts()} times in all, permanent ones not retried; no deadline.
     */
    default RetryPolicy stepRetry() {
        return new RetryPolicy(unexpectedAttempts(), retryBase(), retryCap(), RetryPolicy.Jitter.FULL, null,
                failure -> Failures.classify(failure).retry());
    }
}
