/**
 * How a message is never lost and never stops a consumer. {@link dev.conclave.delivery.Failures}
 * sorts every failure into {@link dev.conclave.delivery.FailureKind}s: permanent (the message can
 * never be processed: dead-letter it and move on), transient (a dependency is down: wait and retry
 * for as long as it takes) or unexpected (a bug: a few retries, then a dead letter).
 * {@link dev.conclave.delivery.Persistently} runs one step under that policy (a
 * {@link dev.conclave.delivery.RetryPolicy}, the one type every retry in Conclave holds) and tells
 * {@link dev.conclave.delivery.DependencyWaits} what it waits for, which readiness reports.
 *
 * <p>Concurrency: blocking calls on the caller's thread (the services call from virtual threads);
 * waiting is {@link java.lang.Thread#sleep}.
 */
package dev.conclave.delivery;
