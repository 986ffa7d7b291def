package dev.conclave.gateway.deadletters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The dead-letter index and re-drives. */
@ConfigMapping(prefix = "conclave.dead-letters")
public interface DeadLettersConfig {

    /** Dead letters indexed at once per gateway instance (group {@code dead-letter-index}). */
    @WithDefault("4")
    int indexConcurrency();

    /**
     * How long a re-drive waits for the broker's acknowledgement before it answers 503 and marks
     * nothing; also the re-drive producer's {@code delivery.timeout.ms}. Half of it is the longest a
     * send may block waiting for a broker that is down.
     */
    @WithDefault("10s")
    Duration redriveTimeout();

    /** Dead letters a list answers at most per page ({@code limit}). */
    @WithDefault("500")
    int maxPageSize();
}
