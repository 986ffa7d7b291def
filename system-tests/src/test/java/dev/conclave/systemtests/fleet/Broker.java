package dev.conclave.systemtests.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tests' access to the Kafka broker the fleet uses: clients, publishing as a producer of the
 * system would, reading a topic back, and what consumer groups have committed.
 */
public final class Broker implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;
    private KafkaProducer<byte[], byte[]> bytesProducer;

    Broker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin();
        this.producer = producer();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A new admin client; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis()));
    }

    /** A new producer configured like the services' (acks=all, idempotent, string key and value); the caller closes it. */
    public KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** A new consumer without a group (assign and seek yourself); the caller closes it. */
    public KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    /** Publishes one record and waits for the broker's acknowledgement. */
    public RecordMetadata publish(String topic, String key, String value) {
        return result(producer.send(new ProducerRecord<>(topic, key, value)), "publishing to " + topic);
    }

    /** Every record of the topic with this key, from the beginning to the topic's end as of now, in offset order per partition. */
    public List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, CALL_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL_TIMEOUT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p, CALL_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end + " within 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Publishes one record of raw bytes (a value no serializer would write: invalid UTF-8, a
     * tombstone) with the given headers, and waits for the broker's acknowledgement.
     */
    public RecordMetadata publishBytes(ProducerRecord<byte[], byte[]> record) {
        return result(bytesProducer().send(record), "publishing to " + record.topic());
    }

    private synchronized KafkaProducer<byte[], byte[]> bytesProducer() {
        if (bytesProducer == null) {
            bytesProducer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        }
        return bytesProducer;
    }

    /** The end offset (next offset to be written) of every partition of the topic, by partition. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, CALL_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions, CALL_TIMEOUT).forEach((tp, offset) -> ends.put(tp.partition(), offset));
            return ends;
        }
    }

    /**
     * Every record of the topic written after {@code from} (as returned by {@link #endOffsets}),
     * up to the topic's end as of now, as raw bytes with their headers.
     */
    public List<ConsumerRecord<byte[], byte[]>> recordsSince(String topic, Map<Integer, Long> from) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, CALL_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL_TIMEOUT);
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p.partition(), 0L)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p, CALL_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end + " within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** The offset the group will read next in that partition, or -1 when it has committed none there. */
    public long committedOffset(String group, TopicPartition partition) {
        Map<TopicPartition, OffsetAndMetadata> offsets = result(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "reading offsets of " + group);
        OffsetAndMetadata committed = offsets.get(partition);
        return committed == null ? -1 : committed.offset();
    }

    /** The current end offset (the next offset to be written) of one partition. */
    public long endOffset(TopicPartition partition) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(List.of(partition), CALL_TIMEOUT).get(partition);
        }
    }

    public ConsumerGroupDescription describeGroup(String group) {
        return result(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group),
                "describing group " + group);
    }

    /** The partitions of a topic, by number. */
    public Set<Integer> partitions(String topic) {
        return result(admin.describeTopics(List.of(topic)).allTopicNames(), "describing " + topic)
                .get(topic).partitions().stream().map(TopicPartitionInfo::partition).collect(Collectors.toSet());
    }

    /** For each member of the group (by client id and member id), the partitions of {@code topic} assigned to it. */
    public Map<String, Set<Integer>> assignment(String group, String topic) {
        Map<String, Set<Integer>> byMember = new HashMap<>();
        describeGroup(group).members().forEach(member -> byMember.put(member.clientId() + "/" + member.consumerId(),
                member.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(topic))
                        .map(TopicPartition::partition)
                        .collect(Collectors.toSet())));
        return byMember;
    }

    private static <T> T result(Future<T> future, String what) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " took more than " + CALL_TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public synchronized void close() {
        if (bytesProducer != null) {
            bytesProducer.close(Duration.ofSeconds(5));
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
