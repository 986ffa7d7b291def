package dev.conclave.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A consumer fetches ahead of the records it handles, but never handles more than its concurrency at
 * once; records fetched ahead for a partition that is handed over are given up uncommitted, and the
 * partition's new owner handles them.
 */
class RecordsFetchedAheadWaitForASlotTest {

    @Test
    void neverMoreThanTheConcurrencyAreHandledAtOnceAndEveryRecordIsHandledAndCommitted() throws Exception {
        try (RealBroker broker = new RealBroker()) {
            AtomicInteger now = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            Set<String> handled = ConcurrentHashMap.newKeySet();
            String group = "window-" + UUID.randomUUID();
            broker.start(group, record -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    // Records end at different times, so the loop polls while some are still being handled.
                    Thread.sleep(5 + 20L * (Integer.parseInt(record.value().substring("record-".length())) % 4));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.decrementAndGet();
                handled.add(record.value());
            }, TestConfigs.supervision(10));

            RealBroker.TopicPartitionOffset last = null;
            for (int i = 0; i < 40; i++) {
                last = broker.send("one-partition", "record-" + i, Map.of());
            }
            int partition = last.partition();
            long end = last.offset() + 1;
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 40);
            await().atMost(Duration.ofSeconds(30)).until(() -> broker.committed(group, partition) == end);
            // RealBroker's consumers handle 4 at once; polls of 4 while some are in flight used to start more.
            assertEquals(4, most.get(), "records handled at once");
        }
    }

    @Test
    void recordsFetchedAheadForAPartitionHandedOverAreGivenUpAndItsNextOwnerHandlesThem() throws Exception {
        try (RealBroker broker = new RealBroker()) {
            Set<String> byFirst = ConcurrentHashMap.newKeySet();
            Set<String> bySecond = ConcurrentHashMap.newKeySet();
            CountDownLatch release = new CountDownLatch(1);
            String group = "handover-" + UUID.randomUUID();
            broker.start(group, record -> {
                // The first member holds its four slots until the second member has joined.
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                byFirst.add(record.value());
            }, TestConfigs.supervision(10));
            RealBroker.TopicPartitionOffset last = null;
            for (int i = 0; i < 12; i++) {
                last = broker.send("one-partition", "record-" + i, Map.of());
            }
            int partition = last.partition();
            long end = last.offset() + 1;
            Thread.sleep(1_000); // the first member fetched them all: 4 handled, the rest waiting for a slot

            broker.start(group, record -> bySecond.add(record.value()), TestConfigs.supervision(10));
            // Whichever member owns the partition after the rebalance, every record ends up handled and committed.
            Thread.sleep(3_000); // the rebalance and its handover wait (2 s in TestConfigs)
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> broker.committed(group, partition) == end);
            Set<String> all = ConcurrentHashMap.newKeySet();
            all.addAll(byFirst);
            all.addAll(bySecond);
            assertEquals(12, all.size(), "every record handled by one member or the other: " + all);
            // The first member handled at most the four it had started: the eight fetched ahead were given up.
            assertTrue(byFirst.size() <= 4 || bySecond.isEmpty(),
                    "first member handled " + byFirst.size() + ", second " + bySecond.size());
        }
    }
}
