package dev.conclave.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How supervised consumers are restarted, judged alive, and hand their partitions over. */
@ConfigMapping(prefix = "conclave.delivery.consumers")
public interface SupervisionConfig {

    /** Wait before restarting a consumer loop that ended; doubles per restart in a row, up to {@link #restartCap()}. */
    @WithDefault("1s")
    Duration restartBase();

    /** The longest wait between two restarts of a consumer loop. */
    @WithDefault("30s")
    Duration restartCap();

    /**
     * Restarts in a row without a record done in between after which liveness fails, so that the
     * platform replaces a process that cannot recover on its own (a broken configuration, a bug).
     */
    @WithDefault("10")
    int livenessRestarts();

    /**
     * How long a consumer whose partitions are taken away (rebalance) waits for their records in
     * flight to finish before handing them over uncommitted: records stuck waiting for a dependency
     * must not hold the group's rebalance forever. The new owner processes them again.
     */
    @WithDefault("30s")
    Duration handoverWait();

    /**
     * While records are in flight, offsets are committed at most this often; a consumer with nothing
     * in flight commits what finished at once. Each commit is a replicated write to the broker's offsets
     * topic, and under load a commit per finished record was a large share of the broker's CPU. A crash
     * repeats at most this much finished work, which every handler already tolerates (at least once).
     */
    @WithDefault("100ms")
    Duration commitInterval();
}
