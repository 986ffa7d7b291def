package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conclave.model.ScanRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A synthesis that takes longer than three synthesis leases (3 s against 900 ms here, with the
 * sweeper looking every second) keeps its claim by renewing it: the sweeper never takes the run over, and
 * the run is paid for once.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class SlowSynthesisKeepsItsClaimTest {
    @Inject
    RunCloser closer;
    @Inject
    Runs runs;

    @Test
    void oneSynthesisAlthoughItOutlastsTheLease() {
        ScanRequest request = runs.newScan(Duration.ofMinutes(10));
        closer.onRequest(request);
        for (String role : Runs.ROLES) {
            closer.onRoleResult(runs.result(request, role)); // the last one claims the run; a thread of its own synthesises
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(runs.status(request.scanId(), 1)));
        assertEquals(1, runs.syntheses(request.scanId(), 1), "model calls of role aggregator");
    }
}
