/**
 * The fleet-wide rate limit: {@link dev.conclave.llm.ratelimit.RateLimiter} grants
 * {@link dev.conclave.llm.ratelimit.Permit}s from token buckets in Redis, one Lua script per
 * operation ({@code FleetBuckets}), and falls back to an explicit local share of each limit when
 * Redis is unreachable ({@code LocalShares} over {@code TokenBucket}s, {@code RedisReachability});
 * callers of one bucket queue fairly in this instance ({@code BucketQueues}), a provider's request to
 * wait holds the bucket ({@code ProviderPauses}), a spent daily quota refuses the call
 * ({@code DailyQuotaSpent}); {@link dev.conclave.llm.ratelimit.RateLimiterHealthCheck} reports which
 * limit decides ({@code StatusProbe}).
 *
 * <p>Concurrency: blocking, on the caller's thread, meant for virtual threads: waiting for a permit
 * is {@link java.lang.Thread#sleep} and a fair lock per bucket, waiting for one of the {@code ratelimit}
 * Redis client's connections is a fair semaphore (backpressure, unbounded unless an outage is seen),
 * waiting for a started script is a bounded {@code await}. Nothing here starts threads or timers; an outage is noticed, and recovery retried,
 * by the calls themselves.
 */
package dev.conclave.llm.ratelimit;
