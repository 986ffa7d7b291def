package dev.conclave.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a {@link SupervisedConsumer} does with one record. It runs on its own virtual thread under
 * {@link Persistently}: throw {@link PermanentFailure} (or {@link dev.conclave.model.WireFormatException})
 * for a record that can never be processed and it is dead-lettered; any other failure is retried
 * as {@link Failures} classifies it. Returning normally means the record is done (its offset may be
 * committed), so return only after whatever the record produced was durably written or acknowledged.
 * A handler may be called again for a record it already handled (at-least-once): it must be idempotent.
 */
@FunctionalInterface
public interface RecordHandler {
    void handle(ConsumerRecord<String, String> record) throws Exception;

    /**
     * What the runtime calls: the record as the broker holds it, decoded as strict UTF-8 text for
     * {@link #handle} (bytes that are not UTF-8 are a {@link PermanentFailure}). A handler that must
     * see the bytes themselves is a {@link RawRecordHandler}.
     */
    default void handleRaw(ConsumerRecord<byte[], byte[]> record) throws Exception {
        handle(TextRecords.decode(record));
    }
}
