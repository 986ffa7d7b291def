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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Waiting happens on the caller's (virtual) thread, in this instance's fair queue per bucket
 * ({@link BucketQueues}). This class decides who grants each try: a provider's pause
 * ({@link ProviderPauses}) first, then the fleet's bucket in Redis, else this instance's share
 * ({@link LocalShares}); a spent daily quota refuses the call ({@link DailyQuotaSpent}). {@link #status()}
 * says which limit decides ({@link StatusProbe}).
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final LlmConfig config;
    private final String instance;
    private final FleetBuckets fleet;
    private final RedisReachability reachability = new RedisReachability();
    private final BucketQueues queues = new BucketQueues();
    private final ProviderPauses pauses;
    private final LocalShares shares = new LocalShares(reachability);
    private final StatusProbe statusProbe;
    private final Map<ModelRef, BucketSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, BucketSpec> specsByBucket = new ConcurrentHashMap<>();

    public RateLimiter(LlmConfig config, WorkerIdentity identity,
            @RedisClientName(RedisClients.RATE_LIMIT) ReactiveRedisDataSource redis, RedisClients clients) {
        this.config = config;
        this.instance = identity.name();
        this.fleet = new FleetBuckets(redis, clients.connections(RedisClients.RATE_LIMIT),
                () -> reachability.outage() != null);
        this.pauses = new ProviderPauses(fleet, reachability);
        this.statusProbe = new StatusProbe(config, fleet, reachability);
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
        try {
            BucketTry granted = queues.take(spec.name(), () -> attempt(spec, reserve));
            return new Permit(spec.name(), (System.nanoTime() - started) / 1_000_000, reserve, granted.mode(),
                    granted.grantedAt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("interrupted",
                    "interrupted while waiting for the rate limit of " + spec.name() + "; the call was not started");
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
            case LOCAL_SHARE -> shares.settle(spec, reservedMinusActual, now);
            case UNLIMITED -> {
            }
        }
    }

    /**
     * The provider asked to wait (429 with Retry-After, or reset headers): no instance starts a call
     * on the model's bucket until then ({@link ProviderPauses}).
     */
    public void pause(ModelRef model, Duration wait) {
        pauses.pause(spec(model), wait);
    }

    /**
     * Which limit decides now, checked against Redis (at most about once a second while it is
     * unreachable): for health and operators.
     */
    public RateLimiterStatus status() {
        return statusProbe.status();
    }

    /** One try at the bucket: a provider's pause waits; else Redis if it may be asked, else this instance's share. */
    private BucketTry attempt(BucketSpec spec, long reserve) throws InterruptedException {
        long now = System.nanoTime();
        long paused = pauses.remainingMs(spec.name(), now);
        if (paused > 0) {
            return BucketTry.waitFor(paused);
        }
        if (reachability.mayTry(now)) {
            try {
                Verdict verdict = fleet.take(spec, reserve, instance);
                reachability.reachable();
                reachability.sawFleet(verdict.liveInstances());
                if (spec.requestsPerDay() > 0) {
                    shares.sawFleetUsage(spec, verdict.usedToday());
                }
                return switch (verdict.outcome()) {
                    case GRANTED -> BucketTry.grantedByFleet(verdict.grantedAtMicros());
                    case DAILY_QUOTA_SPENT -> throw DailyQuotaSpent.ofFleet(spec, verdict.usedToday(),
                            Duration.ofMillis(verdict.waitMs()));
                    case WAIT, PAUSED -> BucketTry.waitFor(verdict.waitMs());
                };
            } catch (RedisUnreachable e) {
                reachability.unreachable(e.getMessage(), now);
            }
        }
        return shares.take(spec, reserve, now);
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

}
