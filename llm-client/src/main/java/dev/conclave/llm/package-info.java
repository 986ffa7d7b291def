/**
 * Everything about calling a model. {@link dev.conclave.llm.ModelCaller} is the one entry point: it
 * renders the role's prompt, routes the role to its models ({@code routing}), answers from the cache
 * ({@code cache}) where it can, and otherwise asks {@link dev.conclave.llm.SingleModelCall} for one
 * model's schema-valid answer (validation against the role's schema, {@code structured}, and one repair).
 * {@link dev.conclave.llm.ModelAttempts} makes the attempts: a permit from the fleet-wide buckets in Redis
 * ({@code ratelimit}), one call to the provider ({@code providers}, {@code openai}, {@code offline}),
 * retries under {@code conclave.llm.retry.*}; every attempt is one row of metrics ({@code metrics}:
 * {@code AttemptRows} builds it, {@code AttemptCost} says what it cost, {@code CallRecorder} writes it).
 *
 * <p>Concurrency: calls are blocking and run on the caller's thread; the workers call from virtual
 * threads, so a slow model or a wait for the rate limit holds no platform thread. The only thread this
 * library does not borrow is the Quarkus scheduler's, which probes models whose circuit is open.
 */
package dev.conclave.llm;
