package dev.conclave.aggregator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conclave.model.ScanRequest;
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
 * The fan-in state of one scan run: which roles it waits for, until when, and how it ended.
 * Status: OPEN (waiting), SYNTHESIZING (claimed by the holder of {@code claimToken}, whose lease
 * {@code claimedUntil} it renews while synthesising), then COMPLETED, PARTIAL, FAILED or CANCELLED; a closed run's
 * {@code scan.completed} event is acknowledged once {@code completionPublishedAt} is set. The table is this
 * module's (its Flyway history, {@code db/aggregator}) and this is its one mapping; the gateway reads it with SQL.
 */
@Entity
@IdClass(AggregationEntity.Key.class)
@Table(name = "aggregation")
public class AggregationEntity extends PanacheEntityBase {
    public static final String OPEN = "OPEN";
    public static final String SYNTHESIZING = "SYNTHESIZING";
    /** The statuses of a closed run. */
    public static final List<String> CLOSED = List.of("COMPLETED", "PARTIAL", "FAILED", "CANCELLED");

    @Id
    @Column(name = "scan_id")
    public UUID scanId;
    @Id
    public int run;
    @JdbcTypeCode(SqlTypes.JSON)
    public ScanRequest request;
    @Column(name = "expected_roles")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> expectedRoles;
    public String status;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "claim_token")
    public UUID claimToken;
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
    @Column(name = "completion_published_at")
    public Instant completionPublishedAt;

    /** Primary key: (scan, run). */
    public record Key(UUID scanId, int run) implements Serializable {
    }
}
