package dev.conclave.aggregator.messaging;

import dev.conclave.aggregator.service.RunCloser;
import dev.conclave.model.RoleResult;
import dev.conclave.model.SchemaVersions;
import dev.conclave.model.WireFormatException;
import dev.conclave.model.WireJson;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Group {@code aggregator} on {@code scan.results}: records each role result, closes complete runs. */
@ApplicationScoped
public class RoleResultConsumer {
    private final RunCloser closer;

    public RoleResultConsumer(RunCloser closer) {
        this.closer = closer;
    }

    @Incoming("role-results")
    @RunOnVirtualThread
    public void onRoleResult(String payload) {
        RoleResult result = WireJson.decode(payload, RoleResult.class);
        if (result.schemaVersion() > SchemaVersions.WIRE) {
            throw new WireFormatException("role result schema " + result.schemaVersion() + " is newer than "
                    + SchemaVersions.WIRE + "; upgrade the aggregator");
        }
        Redelivery.handle("recording " + result.role() + " of scan " + result.scanId(), () -> closer.onRoleResult(result));
    }
}
