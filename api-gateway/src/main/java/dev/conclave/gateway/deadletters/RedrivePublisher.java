package dev.conclave.gateway.deadletters;

import dev.conclave.delivery.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends re-driven records byte for byte (acks=all, idempotent) and waits for the broker's
 * acknowledgement, at most {@link DeadLettersConfig#redriveTimeout()}: a broker that is down costs a
 * re-drive that long and is reported, never waited out.
 */
@ApplicationScoped
public class RedrivePublisher {
    private final KafkaProducer<byte[], byte[]> producer;
    private final Duration timeout;

    public RedrivePublisher(KafkaClients clients, DeadLettersConfig config) {
        this.timeout = config.redriveTimeout();
        int delivery = (int) timeout.toMillis();
        this.producer = clients.rawProducer(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "api-gateway-redrive",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, delivery / 2),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) Math.max(1, delivery / 2)));
    }

    /** Returns once the broker acknowledged the record; else throws a 503 {@link DeadLetterRefusal} saying why. */
    public void send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw DeadLetterRefusal.brokerUnavailable(record.topic(), cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            throw DeadLetterRefusal.brokerUnavailable(record.topic(), "no acknowledgement within " + timeout.toMillis() + " ms");
        } catch (KafkaException e) {
            throw DeadLetterRefusal.brokerUnavailable(record.topic(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeadLetterRefusal.brokerUnavailable(record.topic(), "interrupted while waiting for the broker");
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
