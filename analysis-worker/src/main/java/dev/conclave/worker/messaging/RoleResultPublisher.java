package dev.conclave.worker.messaging;

import dev.conclave.delivery.KafkaClients;
import dev.conclave.model.RoleResult;
import dev.conclave.model.Topics;
import dev.conclave.model.WireJson;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes role results on {@link Topics#ROLE_RESULTS}, keyed by scan id, and waits for the broker's ack. */
@ApplicationScoped
public class RoleResultPublisher {
    private final KafkaProducer<String, String> producer;

    public RoleResultPublisher(KafkaClients clients) {
        this.producer = clients.producer();
    }

    /** Returns once the broker acknowledged the result; throws what the send failed with. */
    public void publish(RoleResult result) throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(Topics.ROLE_RESULTS, result.scanId().toString(), WireJson.encode(result)))
                .get();
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
