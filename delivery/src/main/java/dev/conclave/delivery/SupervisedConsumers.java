package dev.conclave.delivery;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Starts every Kafka consumer of the process as a {@link SupervisedConsumer} and stops them at
 * shutdown, before the producers they dead-letter through are closed. Health reads their
 * {@link #statuses()}.
 */
@ApplicationScoped
public class SupervisedConsumers {
    /** Consumers stop before anything at the default observer priority (producers close after). */
    static final int SHUTDOWN_PRIORITY = 1000;
    private static final Logger LOG = Logger.getLogger(SupervisedConsumers.class);

    private final KafkaClients clients;
    private final Persistently persistently;
    private final DeadLetterPublisher deadLetters;
    private final DependencyWaits waits;
    private final SupervisionConfig config;
    private final DeliveryMetrics metrics;
    private final List<SupervisedConsumer> consumers = new CopyOnWriteArrayList<>();

    public SupervisedConsumers(KafkaClients clients, Persistently persistently, DeadLetterPublisher deadLetters,
            DependencyWaits waits, SupervisionConfig config, DeliveryMetrics metrics) {
        this.clients = clients;
        this.persistently = persistently;
        this.deadLetters = deadLetters;
        this.waits = waits;
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts a consumer; it runs, restarted whenever it ends, until shutdown. */
    public SupervisedConsumer start(ConsumerSpec spec) {
        SupervisedConsumer consumer = new SupervisedConsumer(spec,
                () -> metrics.bound(spec.group(),
                        clients.rawConsumer(spec.group(), spec.concurrency(), spec.maxPollInterval().toMillis())),
                persistently, deadLetters, waits, config);
        consumers.add(consumer);
        consumer.start();
        LOG.infof("consuming %s as group %s, %d records handled at once at most", spec.topic(), spec.group(),
                spec.concurrency());
        return consumer;
    }

    public List<ConsumerStatus> statuses() {
        return consumers.stream().map(SupervisedConsumer::status).toList();
    }

    /** Stops every consumer: what is done is committed, records in flight come again. */
    public void stopAll() {
        consumers.forEach(SupervisedConsumer::stop);
        for (SupervisedConsumer consumer : consumers) {
            try {
                if (!consumer.awaitStopped(Duration.ofSeconds(10))) {
                    LOG.warnf("consumer %s did not stop within 10 s", consumer.spec().group());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stop(@Observes @Priority(SHUTDOWN_PRIORITY) ShutdownEvent event) {
        stopAll();
    }
}
