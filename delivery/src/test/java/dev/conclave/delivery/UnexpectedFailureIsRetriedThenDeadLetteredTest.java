package dev.conclave.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.DeadLetters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A bug on one record costs a few attempts and one dead letter, not the consumer. */
class UnexpectedFailureIsRetriedThenDeadLetteredTest {

    @Test
    void aNullPointerExceptionIsRetriedTheConfiguredNumberOfTimesThenDeadLettered() throws Exception {
        try (RealBroker broker = new RealBroker()) {
            AtomicInteger attempts = new AtomicInteger();
            List<String> handled = new CopyOnWriteArrayList<>();
            broker.start("unexpected-" + UUID.randomUUID(), record -> {
                if (record.value().equals("bug")) {
                    attempts.incrementAndGet();
                    throw new NullPointerException("Cannot invoke \"java.util.UUID.toString()\" because \"scanId\" is null");
                }
                handled.add(record.value());
            }, TestConfigs.supervision(10));

            broker.send("k", "bug", Map.of());
            broker.send("k", "fine", Map.of());

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("fine"));
            await().atMost(Duration.ofSeconds(30)).until(() -> broker.deadLetters().size() == 1);
            ConsumerRecord<String, String> letter = broker.deadLetters().get(0);
            assertEquals(3, attempts.get(), "conclave.delivery.unexpected-attempts is 3 in this test");
            assertEquals("bug", letter.value());
            assertTrue(RealBroker.header(letter, DeadLetters.REASON).startsWith("unexpected failure after 3 attempts"),
                    RealBroker.header(letter, DeadLetters.REASON));
            assertEquals(NullPointerException.class.getName(), RealBroker.header(letter, DeadLetters.EXCEPTION));
        }
    }
}
