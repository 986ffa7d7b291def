package dev.conclave.aggregator.messaging;

import dev.conclave.aggregator.config.AggregationConfig;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.WireJson;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Announces finished runs on {@code scan.completed}, keyed by scan id, waiting for the broker's ack.
 * Called only by {@code CompletionOutbox}, which records the ack, so a failed publish is retried.
 */
@ApplicationScoped
public class ScanCompletedPublisher {
    private final MutinyEmitter<String> emitter;
    private final AggregationConfig config;

    public ScanCompletedPublisher(@Channel("scan-completed") MutinyEmitter<String> emitter, AggregationConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** Returns once the broker acknowledged the event; throws if it did not within the publish timeout. */
    public void publish(ScanCompleted completed) {
        emitter.sendMessage(Message.of(WireJson.encode(completed))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(completed.scanId().toString()).build()))
                .await().atMost(config.completionPublishTimeout());
    }
}
