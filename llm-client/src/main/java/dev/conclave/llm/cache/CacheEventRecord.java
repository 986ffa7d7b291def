package dev.conclave.llm.cache;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One hit, miss, store or bypass at the response cache: what hit ratios and "tokens and money
 * saved" are added up from. The table is this module's (its Flyway history, {@code db/llm-client}), and
 * this is its one mapping; other modules read it with plain SQL.
 */
@Entity
@Table(name = "cache_event")
public class CacheEventRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "scan_id")
    public UUID scanId;
    public int run;
    public String role;
    public String provider;
    public String model;
    @Column(name = "cache_key")
    public String cacheKey;
    /** A {@link CacheEventKind} name. */
    public String event;
    /** For a HIT: the cached answer's prompt plus completion tokens, not spent again. */
    @Column(name = "tokens_saved")
    public int tokensSaved;
    /** For a HIT: what the cached answer cost when it was produced; null otherwise. */
    @Column(name = "cost_saved_usd")
    public BigDecimal costSavedUsd;
    @Column(name = "worker_instance")
    public String workerInstance;
    /** The scan's tenant (V12): analytics by tenant read this row without a join. */
    public String tenant;
    public Instant at;
}
