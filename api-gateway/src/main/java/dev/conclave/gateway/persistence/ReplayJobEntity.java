package dev.conclave.gateway.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A replay job as asked for (who, when, which selection, at which share and window) with its state,
 * its runner's claim and its counts as the runner last saw them. Its items are replay_item rows.
 */
@Entity
@Table(name = "replay_job")
public class ReplayJobEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String kind;
    public String status;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode selection;
    public double share;
    @Column(name = "bypass_cache")
    public boolean bypassCache;
    @Column(name = "max_in_flight")
    public int maxInFlight;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode estimate;
    @Column(name = "requested_by")
    public String requestedBy;
    /** Whose job it is: it selects only this tenant's scans, and only its admins see it. */
    public String tenant;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "last_error")
    public String lastError;
    public int selected;
    public int started;
    public int completed;
    public int partial;
    public int failed;
    public int cancelled;
    public int skipped;
    @Column(name = "paused_by")
    public String pausedBy;
    @Column(name = "cancelled_by")
    public String cancelledBy;
}
