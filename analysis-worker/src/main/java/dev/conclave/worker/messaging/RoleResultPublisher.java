package dev.conclave.worker.messaging;

import dev.conclave.model.RoleResult;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes role results (and undecodable requests to the dead-letter topic), keyed by scan id.
 * Callers wait on the returned future before committing the request's offset.
 */
@ApplicationScoped
public class RoleResultPublisher {
    private final KafkaProducer<String, String> producer;

    public RoleResultPublisher(KafkaClients clients) {
        this.producer = clients.producer();
    }

    public Future<RecordMetadata> publish(RoleResult result) {
        return producer.send(new ProducerRecord<>(Topics.ROLE_RESULTS, result.scanId().toString(),
                WireJson.encode(result)));
    }

    /** Sends a message this worker cannot process to the dead-letter topic with the reason. */
    public Future<RecordMetadata> deadLetter(String key, String value, String sourceTopic, String group,
            String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEAD_LETTERS, key, value);
        record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add("dead-letter-topic", sourceTopic.getBytes(StandardCharsets.UTF_8));
        record.headers().add("dead-letter-group", group.getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
