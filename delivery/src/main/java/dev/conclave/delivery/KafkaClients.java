package dev.conclave.delivery;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
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

    /**
     * The text records of {@code topic} that {@code keep} accepts, read with a consumer in no group from the
     * beginning of every partition up to its end as of the call: what a test or a tool reads back.
     */
    public List<ConsumerRecord<String, String>> readToEnd(String topic, Predicate<ConsumerRecord<String, String>> keep) {
        try (KafkaConsumer<String, String> reader = consumer("reader-" + UUID.randomUUID(), 500, 60_000)) {
            return readToEnd(reader, topic, keep);
        }
    }

    /** {@link #readToEnd} of the records byte for byte. */
    public List<ConsumerRecord<byte[], byte[]>> readRawToEnd(String topic, Predicate<ConsumerRecord<byte[], byte[]>> keep) {
        try (KafkaConsumer<byte[], byte[]> reader = rawConsumer("reader-" + UUID.randomUUID(), 500, 60_000)) {
            return readToEnd(reader, topic, keep);
        }
    }

    private static <K, V> List<ConsumerRecord<K, V>> readToEnd(KafkaConsumer<K, V> reader, String topic,
            Predicate<ConsumerRecord<K, V>> keep) {
        List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        List<ConsumerRecord<K, V>> found = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            for (ConsumerRecord<K, V> record : reader.poll(Duration.ofMillis(200))) {
                if (keep.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    public KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(producerConfig(Map.of(), StringSerializer.class));
    }

    /** A producer of records byte for byte (dead letters keep the original bytes). */
    public KafkaProducer<byte[], byte[]> rawProducer() {
        return rawProducer(Map.of());
    }

    /** {@link #rawProducer()} with producer settings of its own (timeouts, client id) on top. */
    public KafkaProducer<byte[], byte[]> rawProducer(Map<String, Object> overrides) {
        return new KafkaProducer<>(producerConfig(overrides, ByteArraySerializer.class));
    }

    /** Every producer waits for all in-sync replicas, is idempotent and sends at once. */
    private Map<String, Object> producerConfig(Map<String, Object> overrides, Class<?> serializer) {
        Map<String, Object> config = new HashMap<>(base);
        config.putAll(overrides);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, serializer.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, serializer.getName());
        config.keySet().retainAll(ProducerConfig.configNames());
        return config;
    }
}
