package dev.conclave.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The delivery runtime's meters (docs/operations.md, "Metrics"): dead letters sent, per consumer group, and
 * each consumer's own Kafka client metrics (lag among them) through Micrometer's Kafka binder, tagged with
 * the group. The plain clients of {@link SupervisedConsumers} are not SmallRye channels, so Quarkus' Kafka
 * binder never sees them; each is bound here when it is created, and the binding of the consumer it
 * replaces (a restart) is closed, so a group's meters are those of its current consumer only.
 */
@ApplicationScoped
public class DeliveryMetrics {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, KafkaClientMetrics> consumers = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A record consumed by {@code group} was dead-lettered (and acknowledged by the broker). */
    void deadLettered(String group) {
        deadLetters.computeIfAbsent(group, key -> Counter.builder("conclave.dead.letters")
                .description("Records sent to scan.dead-letters, by the consumer group that gave up on them")
                .tag("group", key).register(registry)).increment();
    }

    /** Binds the Kafka client metrics of {@code group}'s new consumer, replacing those of its previous one. */
    <K, V> Consumer<K, V> bound(String group, Consumer<K, V> consumer) {
        KafkaClientMetrics binding = new KafkaClientMetrics(consumer, Tags.of("group", group));
        binding.bindTo(registry);
        KafkaClientMetrics previous = consumers.put(group, binding);
        if (previous != null) {
            previous.close();
        }
        return consumer;
    }

    @PreDestroy
    void close() {
        consumers.values().forEach(KafkaClientMetrics::close);
        consumers.clear();
    }
}
