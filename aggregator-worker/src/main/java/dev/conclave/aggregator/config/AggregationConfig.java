package dev.conclave.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the aggregator closes runs. */
@ConfigMapping(prefix = "conclave.aggregation")
public interface AggregationConfig {

    /** How long a claimed synthesis may take before another instance may take it over. */
    @WithDefault("5m")
    Duration synthesisLease();

    /** How often each instance looks for runs whose deadline passed (read by {@code DeadlineSweeper}). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Runs closed per sweep for a passed deadline. */
    @WithDefault("20")
    int sweepBatch();
}
