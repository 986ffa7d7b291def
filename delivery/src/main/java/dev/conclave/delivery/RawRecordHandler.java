package dev.conclave.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A {@link RecordHandler} that takes each record byte for byte, for a consumer that must keep what
 * is not text (the dead-letter index). Same contract otherwise: throw {@link PermanentFailure} for a
 * record that can never be processed, return only once its effect is durable, be idempotent.
 */
@FunctionalInterface
public interface RawRecordHandler extends RecordHandler {

    @Override
    void handleRaw(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /** Never called by the runtime for a raw handler: it calls {@link #handleRaw}. */
    @Override
    default void handle(ConsumerRecord<String, String> record) {
        throw new UnsupportedOperationException("a RawRecordHandler takes records as bytes (handleRaw)");
    }
}
