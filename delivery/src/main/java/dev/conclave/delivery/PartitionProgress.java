package dev.conclave.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition are still being worked on, so that records can finish out of
 * order while the committed offset only ever moves past records that are done: the committable
 * offset of a partition is its lowest unfinished offset, or one past the highest polled one.
 * A record given up without being handled (its partition was being handed over before its turn came)
 * stops counting as in flight but stays unfinished: no commit passes it, its partition's next owner
 * reads it again. Used by the poll thread of one {@link SupervisedConsumer} loop only.
 */
final class PartitionProgress {
    private final Map<TopicPartition, TreeSet<Long>> unfinished = new HashMap<>();
    private final Map<TopicPartition, Long> nextToPoll = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Map<TopicPartition, TreeSet<Long>> abandoned = new HashMap<>();
    private int inFlight;

    void started(TopicPartition partition, long offset) {
        unfinished.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        nextToPoll.merge(partition, offset + 1, Math::max);
        inFlight++;
    }

    void finished(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = unfinished.get(partition);
        if (offsets != null && offsets.remove(offset)) {
            inFlight--;
        }
    }

    /** A record that was never handled: no longer in flight, and still unfinished (nothing commits past it). */
    void abandoned(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = unfinished.get(partition);
        if (offsets != null && offsets.contains(offset) && abandoned.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset)) {
            inFlight--;
        }
    }

    int inFlight() {
        return inFlight;
    }

    /** Records of these partitions started and not finished. */
    int inFlight(Iterable<TopicPartition> partitions) {
        int count = 0;
        for (TopicPartition partition : partitions) {
            TreeSet<Long> offsets = unfinished.get(partition);
            TreeSet<Long> given = abandoned.get(partition);
            count += (offsets == null ? 0 : offsets.size()) - (given == null ? 0 : given.size());
        }
        return count;
    }

    /** Offsets that may be committed now and were not committed before; marks them committed. */
    Map<TopicPartition, OffsetAndMetadata> takeCommittable() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        nextToPoll.forEach((partition, next) -> {
            TreeSet<Long> offsets = unfinished.get(partition);
            long committable = offsets == null || offsets.isEmpty() ? next : offsets.first();
            if (committable > committed.getOrDefault(partition, -1L)) {
                commit.put(partition, new OffsetAndMetadata(committable));
                committed.put(partition, committable);
            }
        });
        return commit;
    }

    /** Forgets partitions this consumer no longer owns. */
    void forget(Iterable<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            TreeSet<Long> offsets = unfinished.remove(partition);
            TreeSet<Long> given = abandoned.remove(partition);
            if (offsets != null) {
                inFlight -= offsets.size() - (given == null ? 0 : given.size());
            }
            nextToPoll.remove(partition);
            committed.remove(partition);
        }
    }
}
