package dev.conclave.aggregator.messaging;

import dev.conclave.aggregator.service.RunCloser;
import dev.conclave.delivery.RecordHandler;
import dev.conclave.model.RoleResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Group {@code aggregator} on {@code scan.results}: records each role result, closes complete runs. */
final class RoleResultConsumer implements RecordHandler {
    static final String GROUP = "aggregator";

    private final RunCloser closer;

    RoleResultConsumer(RunCloser closer) {
        this.closer = closer;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        closer.onRoleResult(RoleResult.decode(record.value()));
    }
}
