/**
 * The specialist workers: {@code messaging} runs one supervised Kafka consumer per configured role
 * (its own consumer group, so instances of a role split its partitions; the runtime is the
 * {@code delivery} module's) and publishes role results; {@code service} turns one scan request into
 * one role result through llm-client; {@code persistence} reads whether a run is still open, so
 * closed or superseded runs are skipped without a model call.
 *
 * <p>Concurrency: virtual threads, through the {@code delivery} module's {@code SupervisedConsumer}.
 * Each role's consumer polls on one virtual thread and keeps polling while records are in flight; each
 * record is handled on a virtual thread of its own, at most {@code conclave.worker.concurrency} at
 * once (its partitions are paused at that limit). Offsets are committed per record as records finish,
 * not after a whole poll: a partition's committed offset moves past a record once it and every record
 * before it had its result acknowledged by the broker, was dead-lettered or was skipped, so a record
 * that finishes early waits only for the slower ones before it (at-least-once).
 */
package dev.conclave.worker;
