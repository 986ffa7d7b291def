package dev.conclave.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Records finish out of order; the committed offset only moves past records that are done. */
class CommitNeverPassesUnfinishedRecordsTest {
    private static final TopicPartition P0 = new TopicPartition("scan.requests", 0);
    private static final TopicPartition P1 = new TopicPartition("scan.requests", 1);

    @Test
    void laterRecordsFinishingFirstDoNotMoveTheCommitPastAnEarlierOne() {
        PartitionProgress progress = new PartitionProgress();
        progress.started(P0, 10);
        progress.started(P0, 11);
        progress.started(P0, 12);

        progress.finished(P0, 11);
        progress.finished(P0, 12);

        assertEquals(Map.of(P0, new OffsetAndMetadata(10)), progress.takeCommittable());
        assertEquals(1, progress.inFlight());

        progress.finished(P0, 10);

        assertEquals(Map.of(P0, new OffsetAndMetadata(13)), progress.takeCommittable());
        assertEquals(0, progress.inFlight());
    }

    @Test
    void anOffsetIsCommittedOnceAndPartitionsAreIndependent() {
        PartitionProgress progress = new PartitionProgress();
        progress.started(P0, 5);
        progress.started(P1, 7);
        progress.finished(P1, 7);

        assertEquals(Map.of(P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(8)), progress.takeCommittable());
        assertTrue(progress.takeCommittable().isEmpty(), "nothing new to commit");
    }

    @Test
    void revokedPartitionsNoLongerCountAsInFlight() {
        PartitionProgress progress = new PartitionProgress();
        progress.started(P0, 1);
        progress.started(P1, 1);

        progress.forget(List.of(P0));

        assertEquals(1, progress.inFlight());
        assertEquals(Map.of(P1, new OffsetAndMetadata(1)), progress.takeCommittable());
    }

    @Test
    void aRecordGivenUpStopsCountingAsInFlightButNoCommitPassesIt() {
        PartitionProgress progress = new PartitionProgress();
        progress.started(P0, 20);
        progress.started(P0, 21);
        progress.started(P0, 22);
        progress.finished(P0, 20);

        progress.abandoned(P0, 21);
        progress.finished(P0, 22);

        assertEquals(0, progress.inFlight());
        assertEquals(0, progress.inFlight(List.of(P0)));
        assertEquals(Map.of(P0, new OffsetAndMetadata(21)), progress.takeCommittable());
        progress.forget(List.of(P0));
        assertEquals(0, progress.inFlight());
    }
}
