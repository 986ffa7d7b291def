package dev.conclave.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a record as the broker holds it into the text record a {@link RecordHandler} reads. Strict:
 * bytes that are not UTF-8 are a {@link PermanentFailure} (a lenient decoder would replace them and
 * the handler would judge a message that was never sent), and the dead letter keeps the bytes.
 */
final class TextRecords {

    static ConsumerRecord<String, String> decode(ConsumerRecord<byte[], byte[]> raw) {
        String key = text(raw.key(), "key");
        String value = text(raw.value(), "value");
        return new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), raw.timestampType(),
                raw.serializedKeySize(), raw.serializedValueSize(), key, value, raw.headers(), raw.leaderEpoch());
    }

    private static String text(byte[] bytes, String what) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PermanentFailure("the record's " + what + " (" + bytes.length + " bytes) is not valid UTF-8 "
                    + "text; Conclave's messages are UTF-8 JSON", e);
        }
    }

    private TextRecords() {
    }
}
