package dev.conclave.aggregator.messaging;

import dev.conclave.aggregator.service.RunCloser;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.WireFormatException;
import dev.conclave.model.WireJson;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Group {@code aggregator-intake} on {@code scan.requests}: opens the fan-in of each run. */
@ApplicationScoped
public class ScanRequestConsumer {
    private final RunCloser closer;

    public ScanRequestConsumer(RunCloser closer) {
        this.closer = closer;
    }

    @Incoming("scan-requests")
    @RunOnVirtualThread
    public void onRequest(String payload) {
        ScanRequest request = WireJson.decode(payload, ScanRequest.class);
        if (request.schemaVersion() > SchemaVersions.WIRE) {
            throw new WireFormatException("scan request schema " + request.schemaVersion() + " is newer than "
                    + SchemaVersions.WIRE + "; upgrade the aggregator");
        }
        Redelivery.handle("opening scan " + request.scanId(), () -> closer.onRequest(request));
    }
}
