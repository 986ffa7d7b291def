package dev.conclave.llm.metrics;

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
 * One attempt at one model call: the row every number in a report's metadata is added up from.
 * The table belongs to the gateway's Flyway migrations; this module only inserts and reads.
 */
@Entity
@Table(name = "model_call")
public class ModelCallRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "scan_id")
    public UUID scanId;
    public int run;
    public String role;
    public String provider;
    @Column(name = "requested_model")
    public String requestedModel;
    @Column(name = "answering_model")
    public String answeringModel;
    public int attempt;
    /** SUCCEEDED or FAILED. */
    public String outcome;
    @Column(name = "error_class")
    public String errorClass;
    @Column(name = "error_message")
    public String errorMessage;
    @Column(name = "http_status")
    public Integer httpStatus;
    @Column(name = "prompt_tokens")
    public int promptTokens;
    @Column(name = "completion_tokens")
    public int completionTokens;
    @Column(name = "total_tokens")
    public int totalTokens;
    @Column(name = "cost_usd")
    public BigDecimal costUsd;
    @Column(name = "latency_ms")
    public long latencyMs;
    @Column(name = "rate_limit_wait_ms")
    public long rateLimitWaitMs;
    @Column(name = "cache_hit")
    public boolean cacheHit;
    public boolean simulated;
    @Column(name = "prompt_version")
    public String promptVersion;
    @Column(name = "worker_instance")
    public String workerInstance;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
