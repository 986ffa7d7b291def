package dev.conclave.llm.cache;

import dev.conclave.llm.ModelRef;
import dev.conclave.llm.config.LlmConfig;
import dev.conclave.llm.openai.ChatRequest;
import dev.conclave.llm.redis.RedisClients;
import dev.conclave.llm.redis.RedisConnections;
import dev.conclave.model.CachedAnswers;
import dev.conclave.model.WireJson;
import dev.conclave.llm.metrics.CallRecorder;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Answers already paid for, in Redis: one string per {@link CacheKey} under
 * {@code conclave:cache:v1:<sha256>}, holding the {@link CachedAnswer} as JSON and expiring after
 * {@code conclave.llm.cache.ttl}. Every lookup, store and bypass leaves one {@code cache_event} row,
 * written by {@link CallRecorder} (a transaction of its own, retried while PostgreSQL is unavailable).
 *
 * <p>The cache lives on a Redis client of its own ({@code conclave.llm.cache.redis-client}, default
 * {@code cache}). A busy client is waited for, up to its timeout: a lookup is a miss only when Redis
 * cannot answer, never because other lookups hold the connections. The cache never fails a call:
 * Redis that cannot be reached, or an entry that cannot be read, is a miss (logged with the reason),
 * and a store that cannot be written is skipped (logged, no STORE row). With {@code conclave.llm.cache.enabled=false} it does nothing and records nothing:
 * a cache switched off is a fact of the deployment, not an event of each call.
 *
 * <p>Started eagerly so that a {@code conclave.llm.cache.redis-client} naming no configured client
 * stops start-up instead of the first model call.
 */
@Startup
@ApplicationScoped
public class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    private final LlmConfig.Cache config;
    private final RedisDataSource redis;
    private final RedisConnections connections;
    private final boolean sharedWithBuckets;
    private final CallRecorder recorder;
    /** How long one reading of Redis' memory serves the headroom check of later stores. */
    static final Duration MEMORY_READING_AGE = Duration.ofSeconds(1);

    private final AtomicBoolean warnedAboutEviction = new AtomicBoolean();
    private volatile MemoryReading memoryReading;

    public ResponseCache(LlmConfig llm, @Any Instance<RedisDataSource> namedRedis, RedisClients clients,
            CallRecorder recorder) {
        this.config = llm.cache();
        this.recorder = recorder;
        double share = config.maxMemoryShare();
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("conclave.llm.cache.max-memory-share is " + share
                    + "; it must be above 0 and at most 1 (the share of Redis' maxmemory the cache may fill)");
        }
        String name = config.redisClient();
        Instance<RedisDataSource> selected = namedRedis.select(RedisClientName.Literal.of(name));
        if (!selected.isResolvable()) {
            throw new IllegalStateException("conclave.llm.cache.redis-client=" + name + " names no Redis client;"
                    + " set quarkus.redis." + name + ".hosts, or remove the setting to use the cache's own client"
                    + " (quarkus.redis.cache.*)");
        }
        this.redis = selected.get();
        this.connections = clients.connections(name);
        this.sharedWithBuckets = clients.sameServer(name, RedisClients.RATE_LIMIT);
    }

    /**
     * The key of a request to a model: SHA-256 over provider, model, messages, temperature, max
     * tokens, response schema (name and canonical JSON) and the report schema version, each
     * length-prefixed so different requests cannot run together into the same bytes.
     */
    public CacheKey key(ModelRef model, ChatRequest request) {
        return RequestFingerprint.of(model, request);
    }

    /** Whether lookups and stores happen at all ({@code conclave.llm.cache.enabled}). */
    public boolean enabled() {
        return config.enabled();
    }

    /** A stored answer, recording a HIT or a MISS. Never throws: an unreachable cache is a miss. */
    public Optional<CachedAnswer> lookup(CacheKey key, CallScope scope) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Optional<CachedAnswer> found = read(key, scope);
        record(found.isPresent() ? CacheEventKind.HIT : CacheEventKind.MISS, key, scope, found.orElse(null));
        return found;
    }

    /** Stores a schema-valid answer for the TTL, recording a STORE. Never throws. */
    public void store(CacheKey key, CachedAnswer answer, CallScope scope) {
        if (!config.enabled()) {
            return;
        }
        try {
            if (!roomToStore(key, scope)) {
                return;
            }
            command(() -> {
                redis.value(String.class).set(redisKey(key), WireJson.encode(answer), new SetArgs().px(config.ttl()));
                return null;
            });
        } catch (RedisConnections.RedisBusy e) {
            LOG.warnf("cache: answer for %s of scan %s not stored, no Redis connection came free (%s); the call's"
                    + " result is unaffected", scope.role(), scope.scanId(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warnf("cache: answer for %s of scan %s not stored, Redis unreachable (%s); the call's result is unaffected",
                    scope.role(), scope.scanId(), e.getMessage());
            return;
        }
        record(CacheEventKind.STORE, key, scope, null);
    }

    /** Records that the scan asked to bypass the cache (nothing when the cache is switched off). */
    public void bypassed(CacheKey key, CallScope scope) {
        if (config.enabled()) {
            record(CacheEventKind.BYPASS, key, scope, null);
        }
    }

    /** Where an answer lives in Redis. */
    static String redisKey(CacheKey key) {
        return CachedAnswers.redisKey(key.sha256());
    }

    private Optional<CachedAnswer> read(CacheKey key, CallScope scope) {
        String json;
        try {
            json = command(() -> redis.value(String.class).get(redisKey(key)));
        } catch (RedisConnections.RedisBusy e) {
            LOG.warnf("cache: MISS for %s of scan %s because no Redis connection came free (%s); calling the model",
                    scope.role(), scope.scanId(), e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("cache: MISS for %s of scan %s because Redis is unreachable (%s); calling the model",
                    scope.role(), scope.scanId(), e.getMessage());
            return Optional.empty();
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            CachedAnswer answer = WireJson.decode(json, CachedAnswer.class);
            if (answer.analysis() == null || answer.analysis().isNull()) {
                throw new IllegalArgumentException("it has no analysis");
            }
            return Optional.of(answer);
        } catch (RuntimeException e) {
            // Written by an older or broken version: calling the model again stores a good one over it.
            LOG.warnf("cache: MISS for %s of scan %s because entry %s cannot be read (%s)",
                    scope.role(), scope.scanId(), redisKey(key), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * One command on the cache's client, once one of its connections is free: a busy pool is waited
     * for, up to the client's own timeout ({@code quarkus.redis.<client>.timeout}), since a lookup
     * that gives up costs a model call.
     */
    private <T> T command(Supplier<T> command) {
        try {
            return connections.call(connections.timeout(), command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Redis connection of the cache", e);
        }
    }

    /**
     * Redis' memory as last read: one INFO serves the stores of the next {@link #MEMORY_READING_AGE}
     * (issue 11: an INFO per store was a second blocking round trip after every model call, and its
     * kilobyte of text parsed each time). Within that second the cache can overshoot its share by what
     * it stores meanwhile: a few hundred answers of a few kilobytes, far inside the headroom the share
     * leaves. In a Redis that evicts nothing the cache leaves headroom for the rate-limit buckets; in
     * one that evicts and also holds the buckets, they could be the ones dropped: said once, loudly.
     */
    private boolean roomToStore(CacheKey key, CallScope scope) {
        MemoryReading reading = memoryReading;
        if (reading == null || System.nanoTime() - reading.readAt() > MEMORY_READING_AGE.toNanos()) {
            reading = new MemoryReading(readMemory(), System.nanoTime());
            memoryReading = reading;
        }
        RedisMemory memory = reading.memory();
        if (memory == null) {
            return true;
        }
        if (sharedWithBuckets && memory.evicts() && warnedAboutEviction.compareAndSet(false, true)) {
            LOG.warnf("cache: Redis evicts keys (maxmemory-policy %s) and also holds the rate-limit buckets, which"
                    + " it may evict too; use maxmemory-policy noeviction, or a Redis of its own for the cache"
                    + " (conclave.llm.cache.redis-client), see docs/operations.md", memory.policy());
        }
        if (memory.roomToStore(config.maxMemoryShare())) {
            return true;
        }
        LOG.warnf("cache: answer for %s of scan %s not stored, Redis uses %d of %d bytes and evicts nothing;"
                + " the cache stops at conclave.llm.cache.max-memory-share=%s to leave room for the rate-limit buckets",
                scope.role(), scope.scanId(), memory.usedBytes(), memory.maxBytes(), config.maxMemoryShare());
        return false;
    }

    /** Redis' memory now; null when it refuses INFO (some managed Redis do): stores then go without the check. */
    private RedisMemory readMemory() {
        try {
            return RedisMemory.parse(command(() -> redis.execute("INFO", "memory").toString()));
        } catch (RedisConnections.RedisBusy e) {
            throw e;
        } catch (RuntimeException e) {
            // A dedicated cache Redis needs no headroom check anyway. Unreachable Redis fails the SET that
            // follows, which says so.
            LOG.debugf("cache: INFO memory refused (%s); storing without the headroom check", e.getMessage());
            return null;
        }
    }

    /** One reading of Redis' memory (null: INFO refused), and when it was taken ({@link System#nanoTime()}). */
    private record MemoryReading(RedisMemory memory, long readAt) {
    }

    /**
     * Written like every metrics row ({@link CallRecorder}): retried while PostgreSQL is unavailable,
     * skipped with an error if it can never be stored; never a failed call.
     */
    private void record(CacheEventKind kind, CacheKey key, CallScope scope, CachedAnswer hit) {
        CacheEventRecord row = new CacheEventRecord();
        row.scanId = scope.scanId();
        row.run = scope.run();
        row.role = scope.role();
        row.provider = scope.model().provider();
        row.model = scope.model().model();
        row.cacheKey = key.sha256();
        row.event = kind.name();
        if (hit != null) {
            row.tokensSaved = hit.promptTokens() + hit.completionTokens();
            // Null when what the answer cost was never known: unknown, not free.
            row.costSavedUsd = hit.costUsd();
        }
        row.workerInstance = scope.workerInstance();
        row.tenant = scope.tenant();
        row.at = Instant.now();
        recorder.record(row);
    }
}
