package dev.conclave.gateway.persistence;

import dev.conclave.model.RoleOverride;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One run of a scan as it was asked for: what it analyses, what it carries over from an earlier run,
 * with which overrides, why and by whom, and whether a cancel was asked for. Its outcome is the
 * aggregator's ({@link AggregationRow}).
 */
@Entity
@IdClass(RunKey.class)
@Table(name = "scan_run")
public class ScanRunEntity extends PanacheEntityBase {
    @Id
    @Column(name = "scan_id")
    public UUID scanId;
    @Id
    public int run;
    public String origin;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles;
    @Column(name = "carried_roles")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> carriedRoles;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, RoleOverride> overrides;
    @Column(name = "bypass_cache")
    public boolean bypassCache;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "replay_job_id")
    public UUID replayJobId;
    @Column(name = "source_run")
    public Integer sourceRun;
    @Column(name = "cancel_requested_at")
    public Instant cancelRequestedAt;
    @Column(name = "cancelled_by")
    public String cancelledBy;

    /** The roles of the run's report: analysed, then carried. */
    public List<String> expectedRoles() {
        List<String> expected = new ArrayList<>(roles);
        carriedRoles.keySet().stream().filter(role -> !expected.contains(role)).forEach(expected::add);
        return expected;
    }

    public static List<ScanRunEntity> ofScan(UUID scanId) {
        return list("scanId = ?1 order by run", scanId);
    }

    public static Optional<ScanRunEntity> find(UUID scanId, int run) {
        return findByIdOptional(new RunKey(scanId, run));
    }

    public static Optional<ScanRunEntity> findByIdempotencyKey(UUID scanId, String key) {
        return find("scanId = ?1 and idempotencyKey = ?2", scanId, key).firstResultOptional();
    }
}
