package dev.conclave.gateway.security;

import dev.conclave.gateway.persistence.ApiKeyEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Authenticates a key: its hash is looked up in {@code api_key} and the row kept in memory for
 * {@code conclave.auth.cache-ttl}, so a request with a known key costs no database round trip. Only
 * keys that exist are kept (bounded by the table), so random keys cannot fill memory. last_used_at is
 * written at most once per {@code conclave.auth.last-used-interval} per key on this gateway. Blocking:
 * call it from a worker thread.
 */
@ApplicationScoped
public class KeyLookup {
    private static final Logger LOG = Logger.getLogger(KeyLookup.class);

    private final Duration ttl;
    private final Duration lastUsedInterval;
    private final Clock clock;
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    /** Keys forgotten lately, and when: a lookup that began before is not kept (it may have read the row unrevoked). */
    private final Map<UUID, Instant> forgotten = new ConcurrentHashMap<>();

    public KeyLookup(AuthConfig config) {
        this.ttl = config.cacheTtl();
        this.lastUsedInterval = config.lastUsedInterval();
        this.clock = Clock.systemUTC();
    }

    /**
     * The key {@code text} is, if it may be used now.
     *
     * @throws KeyRefusedException     unknown, revoked or expired (HTTP 401)
     * @throws KeysUnavailableException the database could not be asked and the key is not in memory (HTTP 503)
     */
    public StoredKey authenticate(String text) {
        ApiKeyText key = ApiKeyText.parse(text).orElseThrow(() -> new KeyRefusedException(KeyRefusedException.INVALID));
        Instant now = clock.instant();
        Cached cached = byHash.get(key.hash());
        if (cached == null || cached.loadedAt().plus(ttl).isBefore(now)) {
            cached = load(key.hash(), now);
        }
        StoredKey stored = cached.key();
        if (stored.revokedAt() != null && !stored.revokedAt().isAfter(now)) {
            // The same answer as for a key that never existed: a client learns nothing about which keys exist.
            throw new KeyRefusedException(KeyRefusedException.INVALID);
        }
        if (stored.expiresAt() != null && !stored.expiresAt().isAfter(now)) {
            throw new KeyRefusedException("the API key " + stored.prefix() + " expired at " + stored.expiresAt()
                    + "; ask an admin for a new key (POST /api/v1/keys)");
        }
        noteUse(cached, now);
        return stored;
    }

    /** Forgets a key on this gateway at once (after a revocation); other gateways forget it within the TTL. */
    public void forget(UUID keyId) {
        Instant now = clock.instant();
        forgotten.put(keyId, now);
        forgotten.values().removeIf(at -> at.plus(ttl).isBefore(now));
        byHash.values().removeIf(cached -> cached.key().id().equals(keyId));
    }

    private Cached load(String hash, Instant now) {
        Optional<ApiKeyEntity> row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> ApiKeyEntity.findByHash(hash));
        } catch (RuntimeException e) {
            throw new KeysUnavailableException(e);
        }
        if (row.isEmpty()) {
            byHash.remove(hash);
            throw new KeyRefusedException(KeyRefusedException.INVALID);
        }
        ApiKeyEntity entity = row.get();
        Cached cached = new Cached(StoredKey.of(entity), now,
                new AtomicReference<>(entity.lastUsedAt == null ? Instant.EPOCH : entity.lastUsedAt));
        Cached earlier = byHash.put(hash, cached);
        if (earlier != null && earlier.lastUsedWritten().get().isAfter(cached.lastUsedWritten().get())) {
            cached.lastUsedWritten().set(earlier.lastUsedWritten().get());
        }
        Instant forgottenAt = forgotten.get(entity.id);
        if (forgottenAt != null && !forgottenAt.isBefore(now)) {
            // Revoked while this lookup ran: this request was in flight before it, the next one reads again.
            byHash.remove(hash, cached);
        }
        return cached;
    }

    /** Writes last_used_at when this gateway has not written it for the interval; a failed write is not the request's. */
    private void noteUse(Cached cached, Instant now) {
        Instant written = cached.lastUsedWritten().get();
        if (written.plus(lastUsedInterval).isAfter(now) || !cached.lastUsedWritten().compareAndSet(written, now)) {
            return;
        }
        UUID id = cached.key().id();
        try {
            QuarkusTransaction.requiringNew().run(() -> ApiKeyEntity.update(
                    "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?1)", now, id));
        } catch (RuntimeException e) {
            LOG.debugf("last_used_at of key %s not written (%s); tried again after %s", cached.key().prefix(),
                    e.getMessage(), lastUsedInterval);
        }
    }

    private record Cached(StoredKey key, Instant loadedAt, AtomicReference<Instant> lastUsedWritten) {
    }
}
