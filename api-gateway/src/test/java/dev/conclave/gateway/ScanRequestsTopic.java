package dev.conclave.gateway;

import dev.conclave.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads {@code scan.requests} the way a test needs it: end offsets now, and what came after them. */
final class ScanRequestsTopic implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    /** A reader of the broker the gateway under test uses ({@code kafka.bootstrap.servers}). */
    ScanRequestsTopic() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config);
        partitions = consumer.partitionsFor(Topics.SCAN_REQUESTS, Duration.ofSeconds(20)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
    }

    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(10));
    }

    long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every record published after {@code from}. */
    List<ConsumerRecord<String, String>> after(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> to = endOffsets();
        from.forEach(consumer::seek);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long wanted = total(to) - total(from);
        long deadline = System.currentTimeMillis() + 20_000;
        while (records.size() < wanted && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }


    @Override
    public void close() {
        consumer.close();
    }
}
