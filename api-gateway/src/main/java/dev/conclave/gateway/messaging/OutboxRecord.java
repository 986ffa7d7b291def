package dev.conclave.gateway.messaging;

/** One row of the outbox as it goes to the broker: its row id, where it goes, its key and value. */
public record OutboxRecord(long id, String topic, String key, String payload, int attempts) {
}
