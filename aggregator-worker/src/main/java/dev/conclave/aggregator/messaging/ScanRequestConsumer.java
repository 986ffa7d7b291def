package dev.conclave.aggregator.messaging;

import dev.conclave.aggregator.service.RunCloser;
import dev.conclave.delivery.RecordHandler;
import dev.conclave.model.ScanRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Group {@code aggregator-intake} on {@code scan.requests}: opens the fan-in of each run. A request
 * that is invalid, or that {@link RunCloser} refuses (a role nobody serves), is dead-lettered.
 */
final class ScanRequestConsumer implements RecordHandler {
    static final String GROUP = "aggregator-intake";

    private final RunCloser closer;

    ScanRequestConsumer(RunCloser closer) {
        this.closer = closer;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        closer.onRequest(ScanRequest.decode(record.value()), record.value());
    }
}
