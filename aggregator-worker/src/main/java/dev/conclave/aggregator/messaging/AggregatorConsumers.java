package dev.conclave.aggregator.messaging;

import dev.conclave.aggregator.service.RunCloser;
import dev.conclave.delivery.ConsumerSpec;
import dev.conclave.delivery.SupervisedConsumers;
import dev.conclave.model.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts the aggregator's two supervised consumers at start-up: {@code aggregator-intake} on
 * {@link Topics#SCAN_REQUESTS} and {@code aggregator} on {@link Topics#ROLE_RESULTS}. The runtime
 * ({@link SupervisedConsumers}) retries, pauses, dead-letters, stops them at shutdown and reports them
 * in readiness.
 */
@ApplicationScoped
public class AggregatorConsumers {
    private final SupervisedConsumers consumers;
    private final RunCloser closer;
    private final AggregatorConsumersConfig config;

    public AggregatorConsumers(SupervisedConsumers consumers, RunCloser closer, AggregatorConsumersConfig config) {
        this.consumers = consumers;
        this.closer = closer;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(new ConsumerSpec(ScanRequestConsumer.GROUP, Topics.SCAN_REQUESTS,
                new ScanRequestConsumer(closer), config.intakeConcurrency(), config.maxPollInterval()));
        consumers.start(new ConsumerSpec(RoleResultConsumer.GROUP, Topics.ROLE_RESULTS, new RoleResultConsumer(closer),
                config.resultsConcurrency(), config.maxPollInterval()));
    }
}
