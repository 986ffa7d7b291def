package dev.conclave.delivery;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients built from Quarkus' {@code kafka.*} configuration (so {@code KAFKA_BOOTSTRAP_SERVERS}
 * and Dev Services apply). Every consumer of Conclave uses the plain clients through
 * {@link SupervisedConsumers}: groups come from configuration (one per role), and a failure must be
 * able to pause a partition for as long as a dependency is down, which SmallRye's channels cannot.
 */
@ApplicationScoped
public class KafkaClients {
    private final Map<String, Object> base;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> base) {
        this.base = Map.copyOf(base);
    }

    /** A consumer of text records (tests and tools). */
    public KafkaConsumer<String, String> consumer(String groupId, int maxPollRecords, long maxPollIntervalMs) {
        Map<String, Object> config = consumerConfig(groupId, maxPollRecords, maxPollIntervalMs);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /**
     * A consumer of records as the broker holds them, byte for byte: the supervised runtime decodes
     * them itself, so a record that is not valid UTF-8 is dead-lettered exactly as it arrived.
     */
    public KafkaConsumer<byte[], byte[]> rawConsumer(String groupId, int maxPollRecords, long maxPollIntervalMs) {
        Map<String, Object> config = consumerConfig(groupId, maxPollRecords, maxPollIntervalMs);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private Map<String, Object> consumerConfig(String groupId, int maxPollRecords, long maxPollIntervalMs) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollIntervalMs);
        // A member killed with -9 holds its partitions until its session times out: the broker's
        // default 45 s is how long a role stops after a crash. 10 s (heartbeats every 3 s) unless set.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        config.keySet().retainAll(ConsumerConfig.configNames());
        return config;
    }

    public KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.keySet().retainAll(ProducerConfig.configNames());
        return new KafkaProducer<>(config);
    }

    /** A producer of records byte for byte (dead letters keep the original bytes). */
    public KafkaProducer<byte[], byte[]> rawProducer() {
        return rawProducer(Map.of());
    }

    /** {@link #rawProducer()} with producer settings of its own (timeouts, client id) on top. */
    public KafkaProducer<byte[], byte[]> rawProducer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(base);
        config.putAll(overrides);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.keySet().retainAll(ProducerConfig.configNames());
        return new KafkaProducer<>(config);
    }
}
