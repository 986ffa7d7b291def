package dev.conclave.llm.ratelimit;

import dev.conclave.llm.ModelCallException;
import dev.conclave.llm.ModelRef;
import dev.conclave.llm.WorkerIdentity;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.ratelimit.FleetBuckets.RedisUnreachable;
import dev.conclave.llm.ratelimit.FleetBuckets.Verdict;
import dev.conclave.llm.redis.RedisClients;
import dev.conclave.model.ReplayShare;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The fleet-wide rate limit in front of every model call: one token bucket per
 * provider and model (or provider and API key, {@code limits.scope=key}) in Redis, counting
 * requests and tokens per period, a daily quota per provider, and the provider's own 429 pauses,
 * all shared by every instance ({@link FleetBuckets}). A provider with {@code limits.requests=0}
 * (the offline simulator) is unlimited and costs no Redis call.
 *
 * <p>Redis is asked through a client of its own ({@code quarkus.redis.ratelimit.*}); waiting for one of
 * its connections is backpressure and never changes the mode. When a started script gets no answer
 * within {@code limits.redis-timeout}, or Redis refuses the connection, each instance keeps calling
 * at an explicit share of each limit (limit ÷ live instances last seen, {@link TokenBucket}), never
 * unlimited; permits then say {@link LimitMode#LOCAL_SHARE} and health says so. Redis is retried
 * about once a second, and the fleet limit resumes as soon as it answers.
 *
 * <p>Waiting happens on the caller's (virtual) thread. Callers of one bucket in this instance queue
 * on a fair lock and only the head of the queue asks Redis, so a saturated bucket costs Redis about
 * one take per granted call per instance instead of one per waiting caller, and callers are served
 * in arrival order; while nobody waits, takes go to Redis concurrently.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final LlmConfig config;
    private final String instance;
    private final FleetBuckets fleet;
    private final RedisReachability reachability = new RedisReachability();
    private final Map<ModelRef, BucketSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, BucketSpec> specsByBucket = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> queues = new ConcurrentHashMap<>();
    /** Provider pauses as this instance knows them (System.nanoTime deadlines); honoured even without Redis. */
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
    /** Attempts the fleet had made today per daily quota, as last seen in Redis: the local share starts from there. */
    private final Map<String, DayCount> fleetUsage = new ConcurrentHashMap<>();

    public RateLimiter(LlmConfig config, WorkerIdentity identity,
            @RedisClientName(RedisClients.RATE_LIMIT) ReactiveRedisDataSource redis, RedisClients clients) {
        this.config = config;
        this.instance = identity.name();
        this.fleet = new FleetBuckets(redis, clients.connections(RedisClients.RATE_LIMIT),
                () -> reachability.outage() != null);
    }

    /**
     * Blocks until a call to {@code model} may start, reserving {@code estimatedTokens} against the
     * token limit. Every acquire counts as one attempt against the daily quota.
     *
     * @throws ModelCallException {@code daily_quota_exhausted} when the provider's daily quota is
     *         spent, so the caller moves to the next model; {@code interrupted} when the thread was
     *         interrupted while waiting (no call may start then)
     */
    public Permit acquire(ModelRef model, long estimatedTokens) {
        return acquire(model, estimatedTokens, null);
    }

    /**
     * As {@link #acquire(ModelRef, long)}, for a call of a replay job's run when {@code replay} is set: the
     * call first takes a permit from the job's own bucket ({@code <bucket>:replay:<job>}, the fleet
     * bucket's limits at {@code replay.share()} of its rate), then the fleet's. However many replay
     * calls wait, they start at most at the share's rate, and the rest of the fleet's rate stays with
     * live scans; the fleet bucket still bounds the sum.
     */
    public Permit acquire(ModelRef model, long estimatedTokens, ReplayShare replay) {
        BucketSpec spec = spec(model);
        if (spec.unlimited()) {
            return new Permit(spec.name(), 0, 0, LimitMode.UNLIMITED, Instant.now());
        }
        if (replay == null) {
            return take(spec, estimatedTokens);
        }
        Permit share = take(replaySpec(spec, replay), estimatedTokens);
        Permit fleetPermit = take(spec, estimatedTokens);
        return fleetPermit.withReplayShare(share);
    }

    private Permit take(BucketSpec spec, long estimatedTokens) {
        long reserve = spec.reservable(estimatedTokens);
        long started = System.nanoTime();
        ReentrantLock queue = queues.computeIfAbsent(spec.name(), name -> new ReentrantLock(true));
        boolean queued = false;
        try {
            Attempt attempt = queue.isLocked() ? Attempt.NOT_TRIED : attempt(spec, reserve);
            if (!attempt.granted()) {
                queue.lockInterruptibly();
                queued = true;
                while (!(attempt = attempt(spec, reserve)).granted()) {
                    sleep(attempt.waitMs());
                }
            }
            return new Permit(spec.name(), (System.nanoTime() - started) / 1_000_000, reserve, attempt.mode(),
                    attempt.grantedAt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("interrupted",
                    "interrupted while waiting for the rate limit of " + spec.name() + "; the call was not started");
        } finally {
            if (queued) {
                queue.unlock();
            }
        }
    }

    /**
     * Replaces the permit's reservation by the tokens the provider reported: the difference goes
     * back to the bucket, or is taken from it as debt that later calls wait out. Never throws: a
     * settlement Redis did not receive only makes the bucket's estimate a little off.
     */
    public void settle(Permit permit, long actualTokens) {
        if (permit.replayShare() != null) {
            settle(permit.replayShare(), actualTokens);
        }
        BucketSpec spec = specsByBucket.get(permit.bucket());
        long reservedMinusActual = permit.reservedTokens() - Math.max(0, actualTokens);
        if (spec == null || !spec.limitsTokens() || reservedMinusActual == 0) {
            return;
        }
        long now = System.nanoTime();
        switch (permit.mode()) {
            case FLEET -> {
                try {
                    fleet.settle(spec, reservedMinusActual);
                } catch (RedisUnreachable e) {
                    reachability.unreachable(e.getMessage(), now);
                    LOG.debugf("settling %d tokens on %s was lost: %s", reservedMinusActual, spec.name(), e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case LOCAL_SHARE -> {
                RedisReachability.Outage outage = reachability.outage();
                TokenBucket share = outage == null ? null : outage.shares().get(spec.name());
                if (share != null) {
                    share.settle(reservedMinusActual, now);
                }
            }
            case UNLIMITED -> {
            }
        }
    }

    /**
     * The provider asked to wait (429 with Retry-After, or reset headers): no instance starts a call
     * on the model's bucket until then. Stored in Redis for the fleet and kept here too, so this
     * instance honours it even if Redis is unreachable.
     */
    public void pause(ModelRef model, Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        BucketSpec spec = spec(model);
        long now = System.nanoTime();
        pausedUntil.merge(spec.name(), now + wait.toNanos(), Math::max);
        if (spec.unlimited() || !reachability.mayTry(now)) {
            return;
        }
        try {
            long pausedMs = fleet.pause(spec, wait);
            reachability.reachable();
            LOG.infof("%s paused for %d ms across the fleet: the provider asked to wait", spec.name(), pausedMs);
        } catch (RedisUnreachable e) {
            reachability.unreachable(e.getMessage(), now);
            LOG.warnf("%s paused for %d ms on this instance only: %s", spec.name(), wait.toMillis(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Which limit decides now, checked against Redis (at most about once a second while it is
     * unreachable): for health and operators.
     */
    public RateLimiterStatus status() {
        Duration timeout = config.providers().values().stream()
                .filter(provider -> provider.limits().requests() > 0)
                .map(provider -> provider.limits().redisTimeout())
                .min(Duration::compareTo).orElse(null);
        if (timeout == null) {
            return RateLimiterStatus.unlimited();
        }
        long now = System.nanoTime();
        if (reachability.mayTry(now)) {
            try {
                int live = fleet.liveInstances(timeout);
                reachability.reachable();
                return RateLimiterStatus.fleet(live);
            } catch (RedisUnreachable e) {
                reachability.unreachable(e.getMessage(), now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RedisReachability.Outage outage = reachability.outage();
        if (outage == null) {
            return RateLimiterStatus.fleet(reachability.lastLiveInstances());
        }
        int assumed = config.providers().values().stream().mapToInt(p -> p.limits().assumedInstances()).max().orElse(1);
        return RateLimiterStatus.localShare(outage.liveInstances() > 0 ? outage.liveInstances() : assumed,
                outage.liveInstances() == 0, outage.since(), outage.cause());
    }

    /** One try at the bucket: Redis if it may be asked, else this instance's share. */
    private Attempt attempt(BucketSpec spec, long reserve) throws InterruptedException {
        long now = System.nanoTime();
        Long pauseEnd = pausedUntil.get(spec.name());
        if (pauseEnd != null) {
            if (now < pauseEnd) {
                return Attempt.waitFor(Math.max(1, (pauseEnd - now + 999_999) / 1_000_000));
            }
            pausedUntil.remove(spec.name(), pauseEnd);
        }
        if (reachability.mayTry(now)) {
            try {
                Verdict verdict = fleet.take(spec, reserve, instance);
                reachability.reachable();
                reachability.sawFleet(verdict.liveInstances());
                if (spec.requestsPerDay() > 0) {
                    fleetUsage.put(spec.quotaScope(), new DayCount(TokenBucket.today(), verdict.usedToday()));
                }
                return switch (verdict.outcome()) {
                    case GRANTED -> Attempt.grantedByFleet(verdict.grantedAtMicros());
                    case DAILY_QUOTA_SPENT -> throw dailyQuotaSpent(spec, verdict.usedToday(), spec.requestsPerDay(),
                            Duration.ofMillis(verdict.waitMs()), null);
                    case WAIT, PAUSED -> Attempt.waitFor(verdict.waitMs());
                };
            } catch (RedisUnreachable e) {
                reachability.unreachable(e.getMessage(), now);
            }
        }
        return attemptLocally(spec, reserve, now);
    }

    private Attempt attemptLocally(BucketSpec spec, long reserve, long now) {
        RedisReachability.Outage outage = reachability.outage();
        if (outage == null) {
            return Attempt.waitFor(1); // Redis came back between the check and here: ask it again
        }
        int instances = outage.liveInstances() > 0 ? outage.liveInstances() : spec.assumedInstances();
        LocalDate today = TokenBucket.today();
        TokenBucket share = outage.shares().compute(spec.name(), (name, bucket) -> bucket != null && bucket.day().equals(today)
                ? bucket
                : new TokenBucket(spec, 1.0 / instances, usedToday(spec, today), today, now));
        long waitMs = share.tryTake(reserve, spec.requestsPerDay() > 0, now);
        if (waitMs == 0) {
            return Attempt.grantedByShare();
        }
        if (waitMs < 0) {
            Duration untilReset = Duration.between(java.time.Instant.now(), today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            throw dailyQuotaSpent(spec, share.dayAllowance(), share.dayAllowance(), untilReset, instances);
        }
        // Wake at least once per retry interval, so a waiter notices Redis coming back.
        return Attempt.waitFor(Math.min(waitMs, RedisReachability.RETRY_EVERY.toMillis()));
    }

    private long usedToday(BucketSpec spec, LocalDate today) {
        DayCount seen = fleetUsage.get(spec.quotaScope());
        return seen != null && seen.day().equals(today) ? seen.used() : 0;
    }

    private static ModelCallException dailyQuotaSpent(BucketSpec spec, long used, long allowed, Duration untilReset,
            Integer shareOf) {
        String what = shareOf == null
                ? "the daily quota of " + spec.quotaScope() + " is spent: " + used + " of " + allowed + " attempts today"
                : "this instance's share of the daily quota of " + spec.quotaScope() + " is spent: " + used + " of " + allowed
                        + " attempts today (Redis is unreachable, so " + spec.requestsPerDay() + " is split among " + shareOf
                        + " instances)";
        long minutes = Math.max(1, (untilReset.toSeconds() + 59) / 60);
        return new ModelCallException("daily_quota_exhausted", what + ", failed attempts included ("
                + spec.setting() + ".requests-per-day=" + spec.requestsPerDay() + "). It resets at 00:00 UTC, in "
                + minutes / 60 + " h " + minutes % 60 + " min. Until then use another model of the role's chain, "
                + "or raise the provider's daily limit (e.g. by buying credits) and the setting with it.");
    }

    private static void sleep(long waitMs) throws InterruptedException {
        // A little jitter keeps the heads of several instances' queues from asking Redis in lockstep;
        // under saturation it costs no throughput, since refill keeps accruing while nobody asks.
        Thread.sleep(waitMs + ThreadLocalRandom.current().nextLong(waitMs / 10 + 1));
    }

    private BucketSpec spec(ModelRef model) {
        return specs.computeIfAbsent(model, m -> {
            LlmConfig.ProviderConfig provider = config.providers().get(m.provider());
            BucketSpec spec = provider == null ? BucketSpec.withDefaults(m) : BucketSpec.of(m, provider);
            specsByBucket.putIfAbsent(spec.name(), spec);
            return spec;
        });
    }

    /** The job's own bucket beside the fleet's: same limits, {@code share} of the rate. */
    private BucketSpec replaySpec(BucketSpec fleetSpec, ReplayShare replay) {
        BucketSpec share = fleetSpec.replayShare(replay.jobId(), replay.share());
        specsByBucket.put(share.name(), share); // for settling; a job's share never changes
        return share;
    }

    private record DayCount(LocalDate day, long used) {
    }

    /** The outcome of one try: granted (by whom, when by the granter's clock), or how long to wait before the next. */
    private record Attempt(boolean granted, LimitMode mode, long waitMs, Instant grantedAt) {
        static final Attempt NOT_TRIED = new Attempt(false, LimitMode.FLEET, 0, null);

        static Attempt grantedByFleet(long redisMicros) {
            return new Attempt(true, LimitMode.FLEET, 0,
                    redisMicros > 0 ? Instant.EPOCH.plus(redisMicros, ChronoUnit.MICROS) : Instant.now());
        }

        static Attempt grantedByShare() {
            return new Attempt(true, LimitMode.LOCAL_SHARE, 0, Instant.now());
        }

        static Attempt waitFor(long ms) {
            return new Attempt(false, LimitMode.FLEET, ms, null);
        }
    }
}
