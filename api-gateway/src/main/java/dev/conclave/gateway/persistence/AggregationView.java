package dev.conclave.gateway.persistence;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The aggregator's fan-in row of one scan run, read-only here: the aggregator writes it. */
@Entity
@Immutable
@IdClass(RunKey.class)
@Table(name = "aggregation")
public class AggregationView extends PanacheEntityBase {
    @Id
    @Column(name = "scan_id")
    public UUID scanId;
    @Id
    public int run;
    public String status;
    @Column(name = "missing_roles")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> missingRoles;
    @Column(name = "failed_roles")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> failedRoles;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode report;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "completed_at")
    public Instant completedAt;
}
