package dev.conclave.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** While a dependency is down the record waits, nothing new is fetched, and nothing is dead-lettered. */
class TransientFailureIsRetriedWithThePartitionsPausedTest {

    @Test
    void aHandlerWhoseDatabaseIsDownIsRetriedNeverDeadLetteredAndTheConsumerPausesMeanwhile() throws Exception {
        try (RealBroker broker = new RealBroker()) {
            AtomicBoolean databaseUp = new AtomicBoolean(false);
            AtomicInteger attempts = new AtomicInteger();
            List<String> handled = new CopyOnWriteArrayList<>();
            SupervisedConsumer consumer = broker.start("transient-" + UUID.randomUUID(), record -> {
                if (record.value().equals("needs-the-database")) {
                    attempts.incrementAndGet();
                    if (!databaseUp.get()) {
                        throw new IllegalStateException("could not open a connection",
                                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
                    }
                }
                handled.add(record.value());
            }, TestConfigs.supervision(10));

            broker.send("a", "needs-the-database", Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.status().state() == SupervisedConsumer.State.PAUSED);
            assertTrue(consumer.status().detail().contains("waiting-for=postgresql"), consumer.status().detail());

            // Sent while paused: it must not be fetched until the database is back.
            broker.send("b", "sent-during-the-outage", Map.of());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(handled::isEmpty);
            assertTrue(attempts.get() > 3, "retried while down: " + attempts.get() + " attempts");

            databaseUp.set(true);
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
            assertEquals(List.of("needs-the-database", "sent-during-the-outage"), handled);
            await().atMost(Duration.ofSeconds(5)).until(() -> consumer.status().state() == SupervisedConsumer.State.RUNNING);
            assertEquals(List.of(), broker.deadLetters());
        }
    }
}
