package dev.conclave.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** A loop that ends is started again on a fresh client; one that cannot start fails liveness. */
class DeadLoopIsRestartedBySupervisorTest {

    /** Not an Exception: nothing retries it, so it ends the loop, as an unforeseen error would. */
    static final class LoopKiller extends Error {
        LoopKiller() {
            super("the handler's thread broke");
        }
    }

    @Test
    void aLoopThatDiesIsRestartedAndItsRecordComesAgain() throws Exception {
        try (RealBroker broker = new RealBroker()) {
            AtomicInteger calls = new AtomicInteger();
            List<String> handled = new CopyOnWriteArrayList<>();
            AtomicReference<String> seenRestarting = new AtomicReference<>();
            SupervisedConsumer[] consumer = new SupervisedConsumer[1];
            consumer[0] = broker.start("restart-" + UUID.randomUUID(), record -> {
                if (calls.incrementAndGet() == 1) {
                    throw new LoopKiller();
                }
                handled.add(record.value());
            }, TestConfigs.supervision(10));

            broker.send("k", "first", Map.of());

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConsumerStatus status = consumer[0].status();
                if (status.state() == SupervisedConsumer.State.RESTARTING) {
                    seenRestarting.set(status.detail());
                }
                return !handled.isEmpty();
            });
            assertEquals(List.of("first"), handled, "handled again after the restart, once");
            assertEquals(2, calls.get(), "the record came again to the restarted loop");
            // The handler adds before the loop applies its outcome, so the reset is awaited, not read at once.
            await().atMost(Duration.ofSeconds(5)).until(() -> consumer[0].status().failedRestarts() == 0
                    && consumer[0].status().state() == SupervisedConsumer.State.RUNNING);
            assertTrue(seenRestarting.get() == null || seenRestarting.get().contains("the handler's thread broke"),
                    seenRestarting.get());
            assertEquals(List.of(), broker.deadLetters(), "a dead loop is not a dead letter");
        }
    }

    @Test
    void aConsumerThatCannotStartFailsLivenessAfterTheConfiguredRestartsInARow() throws Exception {
        RealBroker broker = new RealBroker();
        try {
            SupervisedConsumer consumer = new SupervisedConsumer(
                    new ConsumerSpec("never", broker.topic, record -> { }, 1, Duration.ofMinutes(1)),
                    () -> {
                        throw new KafkaException("Failed to construct kafka consumer: bootstrap.servers is empty");
                    }, broker.persistently, null, broker.waits, TestConfigs.supervision(3));
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.status().failedRestarts() >= 3);
            ConsumerStatus status = consumer.status();
            assertEquals(SupervisedConsumer.State.RESTARTING, status.state());
            assertTrue(status.detail().contains("bootstrap.servers is empty"), status.detail());
            consumer.stop();
            assertTrue(consumer.awaitStopped(Duration.ofSeconds(5)));
            assertEquals(SupervisedConsumer.State.STOPPED, consumer.status().state());
        } finally {
            broker.close();
        }
    }
}
