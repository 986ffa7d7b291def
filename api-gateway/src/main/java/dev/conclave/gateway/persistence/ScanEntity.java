package dev.conclave.gateway.persistence;

import dev.conclave.model.ScanDigest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A submitted scan: what was asked for. Its progress is the aggregator's ({@link AggregationRow}). */
@Entity
@Table(name = "scan")
public class ScanEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles;
    @JdbcTypeCode(SqlTypes.JSON)
    public ScanDigest digest;
    @Column(name = "current_run")
    public int currentRun;
    @Column(name = "bypass_cache")
    public boolean bypassCache;
    @Column(name = "deadline_seconds")
    public int deadlineSeconds;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Whose scan it is: only keys of this tenant see it. */
    public String tenant;
    /** The key that submitted it (a submitter reads only its own); null for scans from before keys. */
    @Column(name = "submitted_by")
    public UUID submittedBy;

    /** The tenant's scan first accepted with this Idempotency-Key. */
    public static Optional<ScanEntity> findByIdempotencyKey(String tenant, String key) {
        return find("tenant = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }
}
