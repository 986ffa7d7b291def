/**
 * Cancelled runs: the channel listener that learns of a cancel ({@link dev.conclave.llm.cancel.CancelListener})
 * and the registry every model call asks before each attempt, retry, repair and fallback
 * ({@link dev.conclave.llm.cancel.CancelledRuns}), which interrupts a provider call of a cancelled run.
 *
 * <p>Concurrency: messages arrive on the Redis client's event loop and only mark and interrupt; the
 * calls run, and are interrupted, on their callers' (virtual) threads; resubscribing waits on a virtual thread.
 */
package dev.conclave.llm.cancel;
