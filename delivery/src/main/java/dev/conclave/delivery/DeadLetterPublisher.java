package dev.conclave.delivery;

import dev.conclave.model.DeadLetters;
import dev.conclave.model.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Sends a record that can never be processed to {@link Topics#DEAD_LETTERS}: its original key, value
 * (byte for byte, even when they are not text) and headers plus the {@link DeadLetters} headers saying where it came from, who gave up, when and
 * why. The send waits for the broker's acknowledgement and runs under {@link Persistently}, so a
 * broker outage makes it wait rather than lose the dead letter (its offset is committed only after).
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final List<String> OWN_HEADERS = List.of(DeadLetters.REASON, DeadLetters.TOPIC,
            DeadLetters.PARTITION, DeadLetters.OFFSET, DeadLetters.GROUP, DeadLetters.TIME, DeadLetters.EXCEPTION);

    private final Producer<byte[], byte[]> producer;
    private final Persistently persistently;
    private final DeliveryMetrics metrics;

    @Inject
    public DeadLetterPublisher(KafkaClients clients, Persistently persistently, DeliveryMetrics metrics) {
        this(clients.rawProducer(), persistently, metrics);
    }

    public DeadLetterPublisher(Producer<byte[], byte[]> producer, Persistently persistently, DeliveryMetrics metrics) {
        this.producer = producer;
        this.persistently = persistently;
        this.metrics = metrics;
    }

    /** Dead-letters {@code record}, consumed by {@code group}, because of {@code failure}; returns once acknowledged. */
    public void publish(ConsumerRecord<byte[], byte[]> record, String group, Throwable failure) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset() + " (" + group + ")";
        ProducerRecord<byte[], byte[]> letter = letter(record, record.value(), group, failure);
        try {
            persistently.call("dead-lettering " + where, () -> producer.send(letter).get());
        } catch (PermanentFailure unsendable) {
            // The original value itself cannot be sent (e.g. over the broker's size limit): keep the
            // record's coordinates and reason, so an operator can still find it in the source topic.
            LOG.errorf("dead letter of %s could not be sent with its value, sending it without: %s", where,
                    unsendable.getMessage());
            ProducerRecord<byte[], byte[]> bare = letter(record, null, group, failure);
            bare.headers().add(DeadLetters.REASON + "-value-dropped", bytes(unsendable.getMessage()));
            persistently.call("dead-lettering " + where + " without its value", () -> producer.send(bare).get());
        }
        metrics.deadLettered(group);
    }

    private static ProducerRecord<byte[], byte[]> letter(ConsumerRecord<byte[], byte[]> record, byte[] value,
            String group, Throwable failure) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.DEAD_LETTERS, record.key(), value);
        for (Header header : record.headers()) {
            // A record dead-lettered before and re-driven carries the old reason: this one replaces it.
            if (!OWN_HEADERS.contains(header.key())) {
                letter.headers().add(header);
            }
        }
        letter.headers()
                .add(DeadLetters.REASON, bytes(reason(failure)))
                .add(DeadLetters.TOPIC, bytes(record.topic()))
                .add(DeadLetters.PARTITION, bytes(Integer.toString(record.partition())))
                .add(DeadLetters.OFFSET, bytes(Long.toString(record.offset())))
                .add(DeadLetters.GROUP, bytes(group))
                .add(DeadLetters.TIME, bytes(Instant.now().toString()))
                .add(DeadLetters.EXCEPTION, bytes(exceptionClass(failure).getName()));
        return letter;
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** The failure that made the record permanent: for "unexpected after N attempts", the unexpected one. */
    private static Class<?> exceptionClass(Throwable failure) {
        return failure.getClass() == PermanentFailure.class && failure.getCause() != null
                ? failure.getCause().getClass() : failure.getClass();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void close(@Observes @Priority(SupervisedConsumers.SHUTDOWN_PRIORITY + 1) ShutdownEvent event) {
        producer.close();
    }
}
