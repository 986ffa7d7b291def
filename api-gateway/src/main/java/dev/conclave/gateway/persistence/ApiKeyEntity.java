package dev.conclave.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An API key as stored: never its text, only the SHA-256 of it and its visible prefix. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String name;
    /** {@code cnk_<8 characters>}: how lists and audit columns name the key. */
    public String prefix;
    public String hash;
    /** SUBMITTER, VIEWER or ADMIN. */
    public String role;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public static Optional<ApiKeyEntity> findByHash(String hash) {
        return find("hash", hash).firstResultOptional();
    }
}
