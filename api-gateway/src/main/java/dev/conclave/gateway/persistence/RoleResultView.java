package dev.conclave.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One role's outcome for one scan run, read-only here: the aggregator writes it. */
@Entity
@Immutable
@IdClass(RoleResultView.Key.class)
@Table(name = "role_result")
public class RoleResultView extends PanacheEntityBase {
    @Id
    @Column(name = "scan_id")
    public UUID scanId;
    @Id
    public int run;
    @Id
    public String role;
    public String outcome;
    @Column(name = "failure_reason")
    public String failureReason;
    public String provider;
    public String model;
    public boolean offline;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    public static List<RoleResultView> forRun(UUID scanId, int run) {
        return list("scanId = ?1 and run = ?2", scanId, run);
    }

    /** Primary key: (scan, run, role). */
    public record Key(UUID scanId, int run, String role) implements java.io.Serializable {
    }
}
