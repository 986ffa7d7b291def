package dev.conclave.aggregator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One role's result for one scan run; the first delivery wins, duplicates change nothing. The table is this
 * module's (its Flyway history, {@code db/aggregator}) and this is its one mapping; the gateway reads it with SQL.
 */
@Entity
@IdClass(RoleResultEntity.Key.class)
@Table(name = "role_result")
public class RoleResultEntity extends PanacheEntityBase {
    @Id
    @Column(name = "scan_id")
    public UUID scanId;
    @Id
    public int run;
    @Id
    public String role;
    public String outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode analysis;
    @Column(name = "failure_reason")
    public String failureReason;
    public String provider;
    public String model;
    public boolean offline;
    @Column(name = "worker_instance")
    public String workerInstance;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "received_at")
    public Instant receivedAt;

    public static List<RoleResultEntity> forRun(UUID scanId, int run) {
        return list("scanId = ?1 and run = ?2", scanId, run);
    }

    /** Primary key: (scan, run, role). */
    public record Key(UUID scanId, int run, String role) implements Serializable {
    }
}
