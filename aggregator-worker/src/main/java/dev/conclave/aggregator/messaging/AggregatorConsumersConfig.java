package dev.conclave.aggregator.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How much the aggregator's two consumers do at once. */
@ConfigMapping(prefix = "conclave.aggregator.consumers")
public interface AggregatorConsumersConfig {

    /**
     * Requests opened at once (group {@code aggregator-intake}). Each holds a database connection
     * while it works: {@code quarkus.datasource.jdbc.max-size} must cover both consumers plus the sweeper.
     */
    @WithDefault("16")
    int intakeConcurrency();

    /** Role results recorded at once (group {@code aggregator}); a result that completes a run synthesises it. */
    @WithDefault("16")
    int resultsConcurrency();

    /**
     * Runs synthesised at once, each on a thread of its own after the record that completed its run
     * returned; a record that completes a run while this many are synthesising waits for one to have its
     * outcome (writing and announcing the outcome take no place).
     */
    @WithDefault("16")
    int synthesisConcurrency();

    /** How long one record may take (a synthesis with retries and fallbacks) before Kafka moves its partition. */
    @WithDefault("15m")
    Duration maxPollInterval();

}
