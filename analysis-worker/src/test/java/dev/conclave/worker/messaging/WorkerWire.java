package dev.conclave.worker.messaging;

import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.LanguageStat;
import dev.conclave.model.ProjectFacts;
import dev.conclave.model.ScanDigest;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.StaticScores;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Sends requests to the worker and reads what it wrote to the topics, from the test stack's broker. */
final class WorkerWire {
    private final KafkaClients clients;

    WorkerWire(KafkaClients clients) {
        this.clients = clients;
    }

    static ScanRequest request(UUID scanId, int run) {
        return request(scanId, run, "demo");
    }

    /** A request for the architect about project {@code name} (one name, one prompt: the cache's key). */
    static ScanRequest request(UUID scanId, int run, String name) {
        ScanDigest digest = new ScanDigest(name, 2, 120, List.of(new LanguageStat("Java", 2, 40)),
                List.of("A.java", "B.java"), false, null, List.of(),
                new ProjectFacts(false, false, false, false, false, false, false, 0, 2, List.of(), List.of(), List.of()),
                new StaticScores(5.5, 10, 0));
        Instant now = Instant.now();
        return new ScanRequest(SchemaVersions.WIRE, scanId, run, name, List.of("architect"), digest, now,
                now.plusSeconds(600), false);
    }

    void send(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = clients.producer()) {
            producer.send(new ProducerRecord<>(Topics.SCAN_REQUESTS, key, value)).get();
        }
    }

    void send(ScanRequest request) throws Exception {
        send(request.scanId().toString(), WireJson.encode(request));
    }

    /** Every record of {@code topic} with this key, read from the beginning up to the end as of now. */
    List<ConsumerRecord<String, String>> read(String topic, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = clients.consumer("test-reader-" + UUID.randomUUID(), 500, 60_000)) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
