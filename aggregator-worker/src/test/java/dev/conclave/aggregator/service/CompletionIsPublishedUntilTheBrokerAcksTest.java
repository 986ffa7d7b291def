package dev.conclave.aggregator.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.aggregator.messaging.ScanCompletedPublisher;
import dev.conclave.model.ScanCompleted;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.ScanStatus;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A closed run and its {@code scan.completed} event exist together: a publish the broker did not
 * ack, or an instance killed between the close and the ack, ends with the event on the topic,
 * keyed by the scan id, published by the completion relay.
 */
@QuarkusTest
@TestProfile(AggregatorTestProfile.class)
class CompletionIsPublishedUntilTheBrokerAcksTest {
    @Inject
    RunCloser closer;
    @Inject
    Runs runs;
    @Inject
    ScanCompletedPublisher publisher;

    @Test
    void aPublishTheBrokerDidNotAckIsRelayed() {
        ScanCompletedPublisher real = ClientProxy.unwrap(publisher);
        AtomicBoolean failedOnce = new AtomicBoolean();
        QuarkusMock.installMockForType(new ScanCompletedPublisher(null, null) {
            @Override
            public void publish(ScanCompleted completed) {
                if (failedOnce.compareAndSet(false, true)) {
                    throw new TimeoutException("broker unavailable (test): no ack for the completion of " + completed.scanId());
                }
                real.publish(completed);
            }
        }, ScanCompletedPublisher.class);
        ScanRequest request = closeOneRun();

        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(runs.status(request.scanId(), 1)));
        List<ScanCompleted> events = awaitEvents(request.scanId(), 1);
        assertEquals(ScanStatus.COMPLETED, events.get(0).status());
        assertEquals(1, events.get(0).run());
        assertTrue(runs.completionPublished(request.scanId(), 1));
    }

    @Test
    void aCompletionLeftUnpublishedByACrashIsRelayed() {
        ScanRequest request = closeOneRun();
        awaitEvents(request.scanId(), 1);
        // As if the instance died after the close committed and before the broker's ack was recorded.
        runs.forgetCompletionPublished(request.scanId(), 1);
        assertFalse(runs.completionPublished(request.scanId(), 1));

        awaitEvents(request.scanId(), 2); // at least once: the relay publishes it again
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.completionPublished(request.scanId(), 1));
    }

    @Test
    void aRowThatNoLongerReadsAsACompletionDoesNotHoldUpTheOthers() {
        ScanRequest spoiled = closeOneRun();
        awaitEvents(spoiled.scanId(), 1);
        runs.spoilCompletion(spoiled.scanId(), 1);
        ScanRequest good = closeOneRun();
        awaitEvents(good.scanId(), 1);
        runs.forgetCompletionPublished(good.scanId(), 1); // left for the relay, behind the spoiled one

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.completionPublished(good.scanId(), 1));
        awaitEvents(good.scanId(), 2);
        assertFalse(runs.completionPublished(spoiled.scanId(), 1), "the spoiled row waits to be mended");
    }

    private ScanRequest closeOneRun() {
        ScanRequest request = runs.newScan(Duration.ofMinutes(10));
        closer.onRequest(request);
        for (String role : Runs.ROLES) {
            closer.onRoleResult(runs.result(request, role)); // the last one claims; a thread of its own closes
        }
        return request;
    }

    private List<ScanCompleted> awaitEvents(UUID scanId, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> runs.completions(scanId).size() == count);
        return runs.completions(scanId);
    }
}
