package dev.conclave.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conclave.model.DeadLetters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Bytes that are not UTF-8 never reach a handler as replacement characters, and the dead letter keeps them as sent. */
class RecordThatIsNotTextIsDeadLetteredByteForByteTest {

    @Test
    void invalidUtf8IsDeadLetteredWithItsOriginalBytes() throws Exception {
        byte[] notText = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        try (RealBroker broker = new RealBroker()) {
            List<String> handled = new CopyOnWriteArrayList<>();
            String group = "bytes-" + UUID.randomUUID();
            broker.start(group, record -> handled.add(record.value()), TestConfigs.supervision(10));

            RealBroker.TopicPartitionOffset sent = broker.sendBytes("scan-9", notText);
            RealBroker.TopicPartitionOffset next = broker.send("scan-9", "{\"fine\":true}", Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> broker.committed(group, next.partition()) == next.offset() + 1);

            assertEquals(List.of("{\"fine\":true}"), handled, "the handler saw only the text record");
            List<byte[]> letters = broker.deadLetterBytes();
            assertEquals(1, letters.size());
            assertArrayEquals(notText, letters.get(0));
            String reason = RealBroker.header(broker.deadLetters().get(0), DeadLetters.REASON);
            assertTrue(reason.contains("not valid UTF-8"), reason);
            assertEquals(sent.partition(), next.partition());
        }
    }
}
