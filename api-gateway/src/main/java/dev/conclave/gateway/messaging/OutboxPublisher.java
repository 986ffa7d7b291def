package dev.conclave.gateway.messaging;

import dev.conclave.gateway.config.OutboxConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes outbox records to their topics, keyed as stored, and reports which ones the broker
 * acknowledged (acks=all, idempotent producer) within a bounded wait. A plain producer rather than a
 * channel, because an outbox row names its own topic: scan requests today, re-runs and replays later.
 */
@ApplicationScoped
public class OutboxPublisher {
    private final KafkaProducer<String, String> producer;

    public OutboxPublisher(OutboxConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "api-gateway-outbox");
        // A broker that is down must cost a submission about immediate-wait, and a record must be
        // decided (acked or failed) before the relay's ack-timeout, so its row is never left ambiguous.
        int delivery = (int) config.deliveryTimeout().toMillis();
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, delivery / 2));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.immediateWait().toMillis());
        this.producer = new KafkaProducer<>(settings);
    }

    /**
     * Sends every record and waits, at most {@code wait} in all, for the broker's answers. Stops sending
     * at the first record the producer could not even hand to the broker (no metadata: the broker is
     * unreachable); the rest of the batch then fails with the same reason instead of each blocking again.
     */
    public Deliveries publish(List<OutboxRecord> records, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<Long, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        String unreachable = null;
        for (OutboxRecord record : records) {
            if (unreachable != null) {
                failed.put(record.id(), unreachable);
                continue;
            }
            try {
                Future<RecordMetadata> future = producer.send(new ProducerRecord<>(record.topic(), record.key(), record.payload()));
                if (future.isDone()) {
                    future.get();
                }
                sent.put(record.id(), future);
            } catch (ExecutionException | RuntimeException e) {
                unreachable = reason(e);
                failed.put(record.id(), unreachable);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unreachable = "interrupted while publishing";
                failed.put(record.id(), unreachable);
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        for (var entry : sent.entrySet()) {
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(entry.getKey());
            } catch (TimeoutException e) {
                failed.put(entry.getKey(), "the broker did not acknowledge within " + wait.toMillis() + " ms");
            } catch (ExecutionException e) {
                failed.put(entry.getKey(), reason(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(entry.getKey(), "interrupted while waiting for the broker");
            }
        }
        return new Deliveries(acknowledged, failed);
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
