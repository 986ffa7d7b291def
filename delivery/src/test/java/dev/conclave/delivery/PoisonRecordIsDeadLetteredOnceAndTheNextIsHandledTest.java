package dev.conclave.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.DeadLetters;
import dev.conclave.model.ScanRequest;
import dev.conclave.model.WireFormatException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The message of issue 8 (no scanId) no longer stops a consumer: it is dead-lettered once and the next one is handled. */
class PoisonRecordIsDeadLetteredOnceAndTheNextIsHandledTest {
    private static final String POISON = "{\"schemaVersion\":1,\"run\":1,\"roles\":[\"architect\"]}";

    @Test
    void aRequestWithoutScanIdGoesToTheDeadLettersOnceAndTheNextValidRequestIsStillHandled() throws Exception {
        try (RealBroker broker = new RealBroker()) {
            List<UUID> handled = new CopyOnWriteArrayList<>();
            String group = "poison-" + UUID.randomUUID();
            SupervisedConsumer consumer = broker.start(group,
                    record -> handled.add(ScanRequest.decode(record.value()).scanId()), TestConfigs.supervision(10));

            // Both keyed alike, so they share a partition and the valid one comes after the poison.
            RealBroker.TopicPartitionOffset poison = broker.send("scan-1", POISON, Map.of("traceparent", "00-abc-01"));
            UUID valid = UUID.randomUUID();
            RealBroker.TopicPartitionOffset next = broker.send("scan-1", validRequest(valid), Map.of());

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(valid));
            await().atMost(Duration.ofSeconds(30)).until(() -> broker.committed(group, next.partition()) == next.offset() + 1);

            List<ConsumerRecord<String, String>> letters = broker.deadLetters();
            assertEquals(1, letters.size(), "one dead letter for the poison record");
            ConsumerRecord<String, String> letter = letters.get(0);
            assertEquals("scan-1", letter.key());
            assertEquals(POISON, letter.value());
            assertEquals("00-abc-01", RealBroker.header(letter, "traceparent"), "the original headers travel along");
            assertTrue(RealBroker.header(letter, DeadLetters.REASON).contains("scanId is missing"),
                    RealBroker.header(letter, DeadLetters.REASON));
            assertEquals(broker.topic, RealBroker.header(letter, DeadLetters.TOPIC));
            assertEquals(Integer.toString(poison.partition()), RealBroker.header(letter, DeadLetters.PARTITION));
            assertEquals(Long.toString(poison.offset()), RealBroker.header(letter, DeadLetters.OFFSET));
            assertEquals(group, RealBroker.header(letter, DeadLetters.GROUP));
            assertEquals(WireFormatException.class.getName(), RealBroker.header(letter, DeadLetters.EXCEPTION));
            Instant.parse(RealBroker.header(letter, DeadLetters.TIME));
            assertEquals(List.of(valid), handled);
            assertEquals(SupervisedConsumer.State.RUNNING, consumer.status().state());
            assertEquals(0, consumer.status().failedRestarts());
        }
    }

    static String validRequest(UUID scanId) {
        Instant now = Instant.now();
        return "{\"schemaVersion\":1,\"scanId\":\"" + scanId + "\",\"run\":1,\"projectName\":\"p\",\"roles\":[\"architect\"],"
                + "\"digest\":{\"languages\":[],\"tree\":[],\"manifests\":[]},\"requestedAt\":\"" + now + "\",\"deadline\":\"" + now.plusSeconds(600) + "\"}";
    }
}
