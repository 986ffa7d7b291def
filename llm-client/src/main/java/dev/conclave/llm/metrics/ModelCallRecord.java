package dev.conclave.llm.metrics;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import dev.conclave.llm.AnalysisTask;
import dev.conclave.llm.ModelRef;
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
 * The table is this module's (its Flyway history, {@code db/llm-client}), and this is its one mapping;
 * other modules read it with plain SQL.
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
    /** SUCCEEDED; RETRIED (failed, the same model is tried again); FAILED (the last attempt at this model). */
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
    @Column(name = "ttfb_ms")
    public Long ttfbMs;
    /** The provider's id of the generation (OpenRouter's {@code /generation?id=} looks it up). */
    @Column(name = "generation_id")
    public String generationId;
    /** FLEET, LOCAL_SHARE or UNLIMITED: who let the call start. */
    @Column(name = "rate_limit_mode")
    public String rateLimitMode;
    /** When the rate limiter granted this attempt: Redis' clock in FLEET mode, this instance's otherwise. */
    @Column(name = "granted_at")
    public Instant grantedAt;
    /** PROVIDER (reported by it), PRICE_TABLE (configured prices), FREE (simulated), CACHE (a hit, nothing spent) or NONE (unknown). */
    @Column(name = "cost_source")
    public String costSource;
    /** True for the one attempt that asked the model to repair an answer that broke the schema. */
    public boolean repair;
    /** For a cache hit: what the cached answer cost when it was made. */
    @Column(name = "cost_saved_usd")
    public BigDecimal costSavedUsd;
    /** For a cache hit: the tokens the cached answer took when it was made. */
    @Column(name = "tokens_saved")
    public int tokensSaved;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The scan's tenant (V12): analytics by tenant read this row without a join. */
    public String tenant;

    /** A row for one attempt of a task at a model, finished now; the caller fills in what happened. */
    public static ModelCallRecord of(AnalysisTask task, ModelRef model, String promptVersion, String workerInstance,
            Instant startedAt) {
        ModelCallRecord row = new ModelCallRecord();
        row.scanId = task.scanId();
        row.run = task.run();
        row.role = task.role();
        row.tenant = task.tenant();
        row.provider = model.provider();
        row.requestedModel = model.model();
        row.attempt = 1;
        row.promptVersion = promptVersion;
        row.workerInstance = workerInstance;
        row.startedAt = startedAt;
        row.finishedAt = Instant.now();
        row.latencyMs = Math.max(0, row.finishedAt.toEpochMilli() - startedAt.toEpochMilli());
        return row;
    }
}
