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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

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
        return clients.readToEnd(topic, record -> key.equals(record.key()));
    }
}
