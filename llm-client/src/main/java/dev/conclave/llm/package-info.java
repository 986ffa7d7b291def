/**
 * Everything about calling a model. {@link dev.conclave.llm.ModelCaller} is the one entry point:
 * it routes a role to its chain of models, renders the role's prompt, takes a token from the
 * fleet-wide bucket in Redis, calls the provider and records one row of metrics per attempt.
 *
 * <p>Concurrency: calls are blocking and run on the caller's thread; the workers call from
 * virtual threads, so a slow model holds no platform thread. Nothing here starts threads.
 */
package dev.conclave.llm;
