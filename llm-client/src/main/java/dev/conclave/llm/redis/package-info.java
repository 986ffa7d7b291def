/**
 * llm-client's Redis clients, one per concern (rate limit, cache, progress), and the in-process queue
 * for the connections of the rate limiter's and the cache's clients ({@link dev.conclave.llm.redis.RedisConnections}) that makes a busy
 * pool backpressure rather than an outage.
 *
 * <p>Concurrency: blocking, on the caller's (virtual) thread; waiting for a connection is a fair
 * {@link java.util.concurrent.Semaphore}.
 */
package dev.conclave.llm.redis;
