package dev.conclave.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conclave.gateway.persistence.ApiKeyEntity;
import dev.conclave.gateway.security.ApiRole;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A key as listed: never its text. {@code key} is set only in the answer to its creation, the one time
 * the text is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(UUID id, String key, String prefix, String name, String role, String tenant, Instant createdAt,
        String createdBy, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    static KeyView of(ApiKeyEntity row) {
        return of(row, null);
    }

    static KeyView of(ApiKeyEntity row, String text) {
        String role = ApiRole.parse(row.role).map(ApiRole::wireName).orElse(row.role.toLowerCase(Locale.ROOT));
        return new KeyView(row.id, text, row.prefix, row.name, role, row.tenant, row.createdAt, row.createdBy,
                row.expiresAt, row.lastUsedAt, row.revokedAt);
    }
}
