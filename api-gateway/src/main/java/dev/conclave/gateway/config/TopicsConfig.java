package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway creates Conclave's topics when they are missing. */
@ConfigMapping(prefix = "conclave.topics")
public interface TopicsConfig {

    /** Partitions per topic: the most instances of one role that can share its work. */
    @WithDefault("12")
    int partitions();

    @WithDefault("1")
    short replicationFactor();
}
