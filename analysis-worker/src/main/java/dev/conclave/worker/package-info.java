/**
 * The specialist workers: {@code messaging} runs one supervised Kafka consumer per configured role
 * (its own consumer group, so instances of a role split its partitions; the runtime is the
 * {@code delivery} module's) and publishes role results; {@code service} turns one scan request into
 * one role result through llm-client; {@code persistence} reads whether a run is still open, so
 * closed or superseded runs are skipped without a model call.
 *
 * <p>Concurrency: virtual threads. Each role's consumer polls on one virtual thread and handles
 * records concurrently, one virtual thread each, at most {@code conclave.worker.concurrency} at
 * once; an offset is committed once every record before it has its result acknowledged by the
 * broker, was dead-lettered or skipped (at-least-once).
 */
package dev.conclave.worker;
