package dev.conclave.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How records written to the {@code outbox} table reach Kafka: right after the commit by the
 * request that wrote them, and otherwise by the relay that every gateway instance runs.
 */
@ConfigMapping(prefix = "conclave.outbox")
public interface OutboxConfig {

    /** How often the relay looks for rows that are due (unpublished, and no one else is publishing them). */
    @WithDefault("0.5s")
    Duration relayInterval();

    /** Rows one relay round takes, oldest first; a full batch is followed by another round at once. */
    @WithDefault("100")
    int batchSize();

    /**
     * How long a submission waits for the broker's acknowledgement before it answers 202 anyway and
     * leaves the record to the relay. Also the producer's {@code max.block.ms}, so a broker that is down
     * costs a submission about this long, not more.
     */
    @WithDefault("3s")
    Duration immediateWait();

    /**
     * The producer's {@code delivery.timeout.ms}: after this a record the broker did not acknowledge
     * counts as failed. Shorter than {@link #ackTimeout()}, so the relay never gives up on a record the
     * producer may still deliver.
     */
    @WithDefault("10s")
    Duration deliveryTimeout();

    /** How long the relay waits for the acknowledgements of one batch; also its lease on the batch's rows. */
    @WithDefault("15s")
    Duration ackTimeout();

    /** Wait before a row whose publication failed is tried again; doubles per attempt, with jitter. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** The longest wait between two attempts at one row, however often it failed. */
    @WithDefault("30s")
    Duration retryBackoffMax();
}
