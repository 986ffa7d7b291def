package dev.conclave.aggregator.messaging;

import dev.conclave.aggregator.service.RunCloser;
import dev.conclave.delivery.PermanentFailure;
import dev.conclave.delivery.RecordHandler;
import dev.conclave.model.ScanRequest;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Group {@code aggregator-intake} on {@code scan.requests}: opens the fan-in of each run. A request
 * that is invalid or names a role nobody serves can never be aggregated and is dead-lettered.
 */
final class ScanRequestConsumer implements RecordHandler {
    static final String GROUP = "aggregator-intake";

    private final RunCloser closer;
    private final List<String> knownRoles;

    ScanRequestConsumer(RunCloser closer, List<String> knownRoles) {
        this.closer = closer;
        this.knownRoles = List.copyOf(knownRoles);
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        ScanRequest request = ScanRequest.decode(record.value());
        List<String> unknown = request.roles().stream().filter(role -> !knownRoles.contains(role)).toList();
        if (!unknown.isEmpty()) {
            throw new PermanentFailure("scan " + request.scanId() + " run " + request.run() + " names unknown roles "
                    + unknown + "; known roles are " + knownRoles + " (conclave.scan.known-roles)");
        }
        closer.onRequest(request);
    }
}
