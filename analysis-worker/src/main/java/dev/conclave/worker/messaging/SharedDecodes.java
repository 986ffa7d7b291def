package dev.conclave.worker.messaging;

import dev.conclave.model.ScanRequest;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The scan requests this process decoded lately, shared by its role consumers: every role's consumer group
 * reads the same record, and decoding it once instead of once per role saved two thirds of the worker's JSON
 * decoding (issue 11). A slot is chosen by the record's partition and offset, and a decoding is handed out only
 * for a record of the same partition, offset and text, so a record never gets another's (a topic deleted and
 * made again restarts its offsets). Bounded: {@link #SLOTS} slots, and a request longer than
 * {@link #MAX_CHARS} is decoded by each role as before. A request that does not decode is not remembered: each
 * role's consumer fails it on its own, as before.
 */
final class SharedDecodes {
    /** Enough for the role consumers to be this many records apart and still share (a power of two). */
    static final int SLOTS = 64;
    /** Longer requests are not kept: at most about 64 x 32 K characters, plus their decodings, in all. */
    static final int MAX_CHARS = 32_768;

    private final AtomicReferenceArray<Decoded> slots = new AtomicReferenceArray<>(SLOTS);

    private record Decoded(int partition, long offset, String text, ScanRequest request) {
    }

    ScanRequest decode(ConsumerRecord<String, String> record) {
        String text = record.value();
        if (text == null || text.length() > MAX_CHARS) {
            return ScanRequest.decode(text);
        }
        int slot = (int) ((record.offset() * 31 + record.partition()) & (SLOTS - 1));
        Decoded known = slots.get(slot);
        if (known != null && known.offset() == record.offset() && known.partition() == record.partition()
                && known.text().equals(text)) {
            return known.request();
        }
        ScanRequest request = ScanRequest.decode(text);
        slots.set(slot, new Decoded(record.partition(), record.offset(), text, request));
        return request;
    }
}
