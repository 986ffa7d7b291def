/**
 * The model-response cache: answers already paid for, kept in Redis under
 * {@code conclave:cache:v1:<sha256>} for {@code conclave.llm.cache.ttl}, so an unchanged replay
 * costs nothing. {@link dev.conclave.llm.cache.ResponseCache} is the one entry point;
 * every hit, miss, store and bypass leaves one row in {@code cache_event}.
 *
 * <p>Concurrency: as in the rest of llm-client, calls are blocking and run on the caller's
 * (virtual) thread; nothing here starts threads or keeps state beyond a one-time warning flag.
 */
package dev.conclave.llm.cache;
