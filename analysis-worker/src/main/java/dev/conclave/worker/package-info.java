/**
 * The specialist workers: {@code messaging} runs one Kafka consumer per configured role (its own
 * consumer group, so instances of a role split its partitions) and publishes role results;
 * {@code service} turns one scan request into one role result through llm-client.
 *
 * <p>Concurrency: virtual threads. Each role's consumer polls on one virtual thread and analyses
 * the records of a poll concurrently, one virtual thread each, at most
 * {@code conclave.worker.concurrency} at once; offsets are committed after every result of the
 * poll was acknowledged by the broker (at-least-once).
 */
package dev.conclave.worker;
