package dev.conclave.gateway.deadletters;

import dev.conclave.delivery.ConsumerSpec;
import dev.conclave.delivery.FailureKind;
import dev.conclave.delivery.Failures;
import dev.conclave.delivery.RawRecordHandler;
import dev.conclave.delivery.SupervisedConsumers;
import dev.conclave.model.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Copies every record of {@link Topics#DEAD_LETTERS} into the index, as consumer group
 * {@value #GROUP} on the supervised runtime: a database or broker outage pauses it and it resumes
 * where it was. Records are taken as bytes, so a dead letter that is not UTF-8 is indexed as it is.
 * A dead letter is never dead-lettered again: one whose headers cannot be stored is indexed without them.
 */
@ApplicationScoped
public class DeadLetterIndexer implements RawRecordHandler {
    public static final String GROUP = "dead-letter-index";
    private static final Logger LOG = Logger.getLogger(DeadLetterIndexer.class);

    private final SupervisedConsumers consumers;
    private final DeadLetterStore store;
    private final DeadLettersConfig config;

    public DeadLetterIndexer(SupervisedConsumers consumers, DeadLetterStore store, DeadLettersConfig config) {
        this.consumers = consumers;
        this.store = store;
        this.config = config;
    }

    /** After the topics are created (TopicProvisioner observes at the default priority). */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        consumers.start(new ConsumerSpec(GROUP, Topics.DEAD_LETTERS, this, config.indexConcurrency(),
                Duration.ofMinutes(5)));
    }

    @Override
    public void handleRaw(ConsumerRecord<byte[], byte[]> record) {
        DeadLetter letter = DeadLetter.of(record);
        try {
            store.index(letter);
        } catch (RuntimeException e) {
            if (Failures.classify(e) != FailureKind.PERMANENT) {
                throw e; // PostgreSQL is down or busy: the runtime retries until it is back
            }
            LOG.warnf("dead letter %s cannot be indexed with its headers, indexing it without: %s",
                    DeadLetter.position(letter.dlqPartition(), letter.dlqOffset()), e.getMessage());
            store.index(letter.withoutHeaders(e.getMessage()));
        }
    }
}
