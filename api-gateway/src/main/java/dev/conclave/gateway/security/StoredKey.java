package dev.conclave.gateway.security;

import dev.conclave.gateway.persistence.ApiKeyEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A key as authentication needs it, detached from the database so it can be kept in memory.
 *
 * @param id        the key's id
 * @param prefix    its visible prefix, {@code cnk_xxxxxxxx}
 * @param name      what its creator called it
 * @param tenant    the tenant it sees
 * @param role      what it may do
 * @param expiresAt refused from then on; null never
 * @param revokedAt refused from then on; null while valid
 */
public record StoredKey(UUID id, String prefix, String name, String tenant, ApiRole role, Instant expiresAt,
        Instant revokedAt) {

    static StoredKey of(ApiKeyEntity row) {
        ApiRole role = ApiRole.parse(row.role).orElseThrow(() -> new IllegalStateException("api_key " + row.id
                + " has role '" + row.role + "', none of SUBMITTER, VIEWER, ADMIN"));
        return new StoredKey(row.id, row.prefix, row.name, row.tenant, role, row.expiresAt, row.revokedAt);
    }

    /** Who this key is, for the request it authenticates. */
    public Caller caller() {
        return new Caller(id, prefix, tenant, role);
    }

    /** How audit columns (requested_by, cancelled_by, ...) name the key: its prefix and name. */
    public String audit() {
        return prefix + " (" + name + ")";
    }
}
