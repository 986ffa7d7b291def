package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The synthesis call's model_call row belongs to the scan's tenant: the aggregator stores the request with the
 * run and hands its tenant to the model client when it synthesises, however much later that is.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class SynthesisIsRecordedUnderTheScansTenantTest {
    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void theSynthesisOfAScanOfTenantT2IsRecordedForT2() {
        ScanRequest base = runs.newScan(Duration.ofMinutes(10));
        ScanRequest request = new ScanRequest(base.schemaVersion(), base.scanId(), 1, base.projectName(), base.roles(),
                base.digest(), base.requestedAt(), base.deadline(), base.bypassCache(), base.carriedRoles(),
                base.overrides(), base.origin(), base.replay(), "t2");

        closer.onRequest(request);
        for (String role : request.roles()) {
            closer.onRoleResult(runs.result(request, role));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> runs.syntheses(request.scanId(), 1) == 1);
        assertEquals(List.of("t2"), runs.synthesisTenants(request.scanId()));
    }
}
