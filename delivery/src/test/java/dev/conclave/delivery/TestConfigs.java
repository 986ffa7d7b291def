package dev.conclave.delivery;

import java.time.Duration;

/** Configurations with short waits, so tests see retries and restarts quickly. */
final class TestConfigs {

    static DeliveryConfig delivery(int unexpectedAttempts) {
        return new DeliveryConfig() {
            @Override
            public Duration retryBase() {
                return Duration.ofMillis(20);
            }

            @Override
            public Duration retryCap() {
                return Duration.ofMillis(200);
            }

            @Override
            public int unexpectedAttempts() {
                return unexpectedAttempts;
            }
        };
    }

    static SupervisionConfig supervision(int livenessRestarts) {
        return new SupervisionConfig() {
            @Override
            public Duration restartBase() {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration restartCap() {
                return Duration.ofMillis(400);
            }

            @Override
            public int livenessRestarts() {
                return livenessRestarts;
            }

            @Override
            public Duration handoverWait() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration commitInterval() {
                return Duration.ofMillis(100);
            }
        };
    }

    private TestConfigs() {
    }
}
