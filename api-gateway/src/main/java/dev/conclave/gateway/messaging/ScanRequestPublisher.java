package dev.conclave.gateway.messaging;

import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireJson;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes scan requests keyed by scan id and returns only once the broker acknowledged them
 * (acks=all, idempotent producer): a scan the gateway accepted is on the broker.
 */
@ApplicationScoped
public class ScanRequestPublisher {
    private final MutinyEmitter<String> emitter;
    private final Duration ackTimeout;

    public ScanRequestPublisher(@Channel("scan-requests") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "conclave.publish.ack-timeout", defaultValue = "20s") Duration ackTimeout) {
        this.emitter = emitter;
        this.ackTimeout = ackTimeout;
    }

    /** Blocks until the broker acknowledged the request; throws {@link PublishFailedException} otherwise. */
    public void publish(ScanRequest request) {
        Message<String> message = Message.of(WireJson.encode(request))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(request.scanId().toString()).build());
        try {
            emitter.sendMessage(message).await().atMost(ackTimeout);
        } catch (TimeoutException e) {
            throw new PublishFailedException("the broker did not acknowledge the scan within " + ackTimeout.toSeconds()
                    + " s", e);
        } catch (RuntimeException e) {
            throw new PublishFailedException("the broker refused the scan: " + e.getMessage(), e);
        }
    }
}
