package dev.conclave.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Which roles this instance serves and how much it does at once. */
@ConfigMapping(prefix = "conclave.worker")
public interface WorkerConfig {

    /** Roles served by this instance, e.g. {@code CONCLAVE_ROLES=architect,business}. */
    List<String> roles();

    /** Model calls in flight at once per role consumer: also the records fetched per poll. */
    @WithDefault("16")
    int concurrency();

    /** How long one poll's analyses may take before Kafka considers the consumer dead. */
    @WithDefault("15m")
    Duration maxPollInterval();
}
