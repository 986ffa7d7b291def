package dev.conclave.aggregator.messaging;

import dev.conclave.model.ScanCompleted;
import dev.conclave.model.WireJson;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Announces finished runs on {@code scan.completed}, keyed by scan id, waiting for the broker's ack. */
@ApplicationScoped
public class ScanCompletedPublisher {
    private final MutinyEmitter<String> emitter;

    public ScanCompletedPublisher(@Channel("scan-completed") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(ScanCompleted completed) {
        emitter.sendMessage(Message.of(WireJson.encode(completed))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(completed.scanId().toString()).build()))
                .await().atMost(Duration.ofSeconds(30));
    }
}
