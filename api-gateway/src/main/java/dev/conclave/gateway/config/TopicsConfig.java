package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway creates Conclave's topics when they are missing. Defaults fit the single-node
 * local stack; production runs 3 replicas with {@code min-insync-replicas} 2 (docs/operations.md).
 */
@ConfigMapping(prefix = "conclave.topics")
public interface TopicsConfig {

    /**
     * Partitions per topic: the most instances of one role that can share its work. Set in
     * application.properties only (no default here): deploy/local's broker defaults read it from there.
     */
    int partitions();

    /** Copies of every partition on distinct brokers; at most the number of brokers. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * Topic config {@code min.insync.replicas}: replicas that must have a record before an
     * {@code acks=all} producer (every Conclave producer) is told it is stored. At most
     * {@link #replicationFactor()}; with 3 replicas, 2 survives the loss of one broker without losing
     * an acknowledged record.
     */
    @WithDefault("1")
    short minInsyncReplicas();
}
