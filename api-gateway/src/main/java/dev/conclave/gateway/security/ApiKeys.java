package dev.conclave.gateway.security;

import dev.conclave.gateway.persistence.ApiKeyEntity;
import dev.conclave.gateway.service.InvalidScanException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Creating, listing and revoking keys. A key's text exists only in the answer to its creation: the
 * table holds its SHA-256 and its visible prefix. An admin manages the keys of its own tenant; an
 * admin of the operator tenant ({@code conclave.auth.operator-tenant}) those of every tenant, and only
 * it may create a key in another tenant, which is how a tenant comes to exist.
 */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String TENANT_RULE = "lower-case letters, digits and '-', at most 63, starting with a letter or digit";
    /** The name of the key read from {@code conclave.auth.bootstrap-key-file}. */
    public static final String BOOTSTRAP_NAME = "local admin";

    private final KeyLookup lookup;
    private final EntityManager em;
    private final String operatorTenant;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(KeyLookup lookup, EntityManager em, AuthConfig config) {
        this.lookup = lookup;
        this.em = em;
        this.operatorTenant = config.operatorTenant();
    }

    /** Refuses a configuration that cannot work, at start, with what to change. */
    static void validate(AuthConfig config) {
        if (!TENANT.matcher(config.operatorTenant()).matches()) {
            throw new IllegalStateException("conclave.auth.operator-tenant '" + config.operatorTenant()
                    + "' is not a tenant name: " + TENANT_RULE);
        }
        if (config.cacheTtl().isNegative() || config.cacheTtl().isZero() || config.cacheTtl().toMinutes() > 10) {
            throw new IllegalStateException("conclave.auth.cache-ttl " + config.cacheTtl() + " must be above 0 and at "
                    + "most 10 minutes: it is how long a revoked key still works on the other gateways");
        }
        if (config.lastUsedInterval().isNegative() || config.lastUsedInterval().isZero()) {
            throw new IllegalStateException("conclave.auth.last-used-interval " + config.lastUsedInterval()
                    + " must be above 0 (1m writes last_used_at at most once a minute per key)");
        }
    }

    /** What a new key is to be. */
    public record Order(String name, ApiRole role, Optional<String> tenant, Optional<Instant> expiresAt) {
    }

    /** A created key: its row, and its text, which is never available again. */
    public record Created(ApiKeyEntity row, ApiKeyText key) {
    }

    /**
     * Creates a key as {@code by} asks.
     *
     * @throws InvalidScanException 400 for a malformed tenant, 403 when {@code by} may not create in that tenant
     */
    @Transactional
    public Created create(Order order, Caller by) {
        String tenant = order.tenant().map(String::strip).orElse(by.tenant());
        if (!TENANT.matcher(tenant).matches()) {
            throw InvalidScanException.badRequest("tenant", "tenant '" + tenant + "' is not a tenant name: " + TENANT_RULE);
        }
        if (!tenant.equals(by.tenant()) && !operates(by)) {
            throw new InvalidScanException(403, "tenant", "only an admin of the operator tenant '" + operatorTenant
                    + "' may create keys in another tenant; this key's tenant is '" + by.tenant() + "'");
        }
        ApiKeyText key = ApiKeyText.generate(random);
        ApiKeyEntity row = new ApiKeyEntity();
        row.id = UUID.randomUUID();
        row.tenant = tenant;
        row.name = order.name();
        row.prefix = key.visiblePrefix();
        row.hash = key.hash();
        row.role = order.role().name();
        row.createdAt = Instant.now();
        row.createdBy = by.keyPrefix();
        row.expiresAt = order.expiresAt().orElse(null);
        row.persist();
        LOG.infof("API key %s (%s, %s of tenant %s) created by %s", row.prefix, row.name, order.role().wireName(),
                tenant, by.keyPrefix());
        return new Created(row, key);
    }

    /** The keys {@code by} may see: its tenant's, or every tenant's for an operator admin; newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKeyEntity> list(Caller by) {
        return operates(by) ? ApiKeyEntity.list("order by tenant, createdAt desc")
                : ApiKeyEntity.list("tenant = ?1 order by createdAt desc", by.tenant());
    }

    /**
     * Revokes a key (again: nothing changes) and forgets it on this gateway at once.
     *
     * @return the key as it stands; empty when there is none {@code by} may see (HTTP 404)
     */
    public Optional<ApiKeyEntity> revoke(UUID id, Caller by) {
        Optional<ApiKeyEntity> key = QuarkusTransaction.requiringNew().call(() -> {
            Optional<ApiKeyEntity> found = ApiKeyEntity.<ApiKeyEntity>findByIdOptional(id)
                    .filter(k -> operates(by) || k.tenant.equals(by.tenant()));
            found.filter(k -> k.revokedAt == null).ifPresent(k -> {
                k.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored: a second answer shows the same
                LOG.infof("API key %s (%s) revoked by %s", k.prefix, k.name, by.keyPrefix());
            });
            return found;
        });
        // Forgotten after the commit: a request in between would reload the row not yet revoked and keep it.
        key.ifPresent(k -> lookup.forget(k.id));
        return key;
    }

    /**
     * Stores {@code key} as an admin of the operator tenant named "local admin", unless its hash is
     * stored already; safe when several gateways start at once (one insert wins, the others do nothing).
     *
     * @return whether this call stored it
     */
    @Transactional
    public boolean bootstrap(ApiKeyText key) {
        int inserted = em.createNativeQuery("""
                insert into api_key (id, tenant, name, prefix, hash, role, created_at, created_by)
                values (?1, ?2, ?3, ?4, ?5, 'ADMIN', now(), 'bootstrap')
                on conflict do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, operatorTenant)
                .setParameter(3, BOOTSTRAP_NAME)
                .setParameter(4, key.visiblePrefix())
                .setParameter(5, key.hash())
                .executeUpdate();
        return inserted == 1;
    }

    /** Whether {@code caller} is an admin of the operator tenant: it may act across tenants. */
    public boolean operates(Caller caller) {
        return caller.role() == ApiRole.ADMIN && caller.tenant().equals(operatorTenant);
    }
}
