package dev.conclave.delivery;

import dev.conclave.model.DeadLetters;
import dev.conclave.model.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;

/**
 * The test stack's broker ({@code KAFKA_BOOTSTRAP_SERVERS}, exported by {@code ./conclave test} or
 * {@code deploy/local/stack.sh env}), a topic of its own per test, and supervised consumers on it.
 */
final class RealBroker implements AutoCloseable {
    final String topic = "delivery-test-" + UUID.randomUUID();
    final DependencyWaits waits = new DependencyWaits();
    final Persistently persistently = new Persistently(TestConfigs.delivery(3), waits);
    private final KafkaClients clients;
    private final KafkaProducer<String, String> producer;
    private final List<SupervisedConsumer> started = new ArrayList<>();

    RealBroker() throws Exception {
        String servers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (servers == null || servers.isBlank()) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS is not set: start the test stack "
                    + "(deploy/local/stack.sh start; eval \"$(deploy/local/stack.sh env)\") or run ./conclave test");
        }
        clients = new KafkaClients(Map.of("bootstrap.servers", servers));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            create(admin, new NewTopic(topic, 2, (short) 1));
            create(admin, new NewTopic(Topics.DEAD_LETTERS, 12, (short) 1));
        }
        producer = clients.producer();
    }

    private static void create(Admin admin, NewTopic topic) throws Exception {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    SupervisedConsumer start(String group, RecordHandler handler, SupervisionConfig supervision) {
        SupervisedConsumer consumer = new SupervisedConsumer(new ConsumerSpec(group, topic, handler, 4, Duration.ofMinutes(1)),
                () -> clients.rawConsumer(group, 4, 60_000), persistently,
                new DeadLetterPublisher(clients.rawProducer(), persistently, new DeliveryMetrics(new SimpleMeterRegistry())),
                waits, supervision);
        started.add(consumer);
        consumer.start();
        return consumer;
    }

    /** Sends a record to the test's topic and waits for the ack; returns its partition and offset. */
    TopicPartitionOffset send(String key, String value, Map<String, String> headers) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        var metadata = producer.send(record).get();
        return new TopicPartitionOffset(metadata.partition(), metadata.offset());
    }

    /** Sends bytes as they are (not necessarily text) and waits for the ack. */
    TopicPartitionOffset sendBytes(String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> raw = clients.rawProducer()) {
            var metadata = raw.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
            return new TopicPartitionOffset(metadata.partition(), metadata.offset());
        }
    }

    /** The values of this test's dead letters, byte for byte. */
    List<byte[]> deadLetterBytes() {
        return clients.readRawToEnd(Topics.DEAD_LETTERS, record -> {
            Header source = record.headers().lastHeader(DeadLetters.TOPIC);
            return source != null && topic.equals(new String(source.value(), StandardCharsets.UTF_8));
        }).stream().map(ConsumerRecord::value).toList();
    }

    record TopicPartitionOffset(int partition, long offset) {
    }

    /** The dead letters that came from this test's topic, read from the start of the dead-letter topic. */
    List<ConsumerRecord<String, String>> deadLetters() {
        return clients.readToEnd(Topics.DEAD_LETTERS, record -> topic.equals(header(record, DeadLetters.TOPIC)));
    }

    /** The offset the group committed on a partition of this test's topic, or -1. */
    long committed(String group, int partition) {
        try (KafkaConsumer<String, String> reader = clients.consumer(group, 1, 60_000)) {
            TopicPartition tp = new TopicPartition(topic, partition);
            OffsetAndMetadata committed = reader.committed(java.util.Set.of(tp)).get(tp);
            return committed == null ? -1 : committed.offset();
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        started.forEach(SupervisedConsumer::stop);
        for (SupervisedConsumer consumer : started) {
            consumer.awaitStopped(Duration.ofSeconds(10));
        }
        producer.close();
    }
}
