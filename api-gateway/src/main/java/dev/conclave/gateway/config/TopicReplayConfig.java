package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a topic replay reads {@code scan.results} or {@code scan.requests} to select the runs it replays. */
@ConfigMapping(prefix = "conclave.topic-replay")
public interface TopicReplayConfig {

    /**
     * Distinct runs held in memory before they are written as {@code replay_item} rows: the read's memory
     * stays this size (plus one poll of records) however large the topic is.
     */
    @WithDefault("500")
    int batchSize();

    /**
     * How long the read waits for the broker to hand over the next records before it gives up with an
     * error (broker down, partitions without a leader). The items written so far stay; selecting again resumes.
     */
    @WithDefault("60s")
    Duration idleTimeout();
}
