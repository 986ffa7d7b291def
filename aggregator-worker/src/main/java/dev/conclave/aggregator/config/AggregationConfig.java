package dev.conclave.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the aggregator closes runs and announces them. */
@ConfigMapping(prefix = "conclave.aggregation")
public interface AggregationConfig {

    /**
     * How long a synthesis claim lasts without renewal. The holder renews it every third of this
     * while its synthesis runs, so only an instance that died (or lost PostgreSQL for this long)
     * lets another instance take the run over.
     */
    @WithDefault("60s")
    Duration synthesisLease();

    /** How often each instance looks for runs whose deadline passed (read by {@code DeadlineSweeper}). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Runs closed per sweep for a passed deadline. */
    @WithDefault("20")
    int sweepBatch();

    /**
     * How often each instance looks for closed runs whose {@code scan.completed} event is not yet
     * acknowledged by the broker (read by {@code CompletionRelay}).
     */
    @WithDefault("5s")
    Duration completionRelayInterval();

    /** Completion events republished per relay transaction, oldest closed run first. */
    @WithDefault("50")
    int completionRelayBatch();

    /** How long one {@code scan.completed} publish waits for the broker's ack before the relay takes it over. */
    @WithDefault("10s")
    Duration completionPublishTimeout();

    /**
     * Which synthesis makes the reports, written into each report's metadata ({@code synthesis_revision}), so
     * a run synthesised again after a change to synthesis shows which one made it. Set it when the synthesis
     * changes without a new build; by default the aggregator's version.
     */
    @WithDefault("${quarkus.application.version}")
    String synthesisRevision();
}
