-- llm-client's tables (history flyway_history_llm_client): one metrics row per model call attempt and one per
-- cache event, written by llm-client in whichever service calls a model, read by the aggregator's synthesis
-- (the report's totals) and the gateway's replay estimates. Every service runs this history at start.
--
-- A database of the single history of before (flyway_schema_history at V12) holds these tables as they are
-- here: every statement is IF NOT EXISTS, so there this version changes nothing (SchemaHistories).

CREATE TABLE IF NOT EXISTS model_call (
    id                 bigserial PRIMARY KEY,
    scan_id            uuid        NOT NULL,
    run                integer     NOT NULL,
    role               text        NOT NULL,
    provider           text        NOT NULL,
    requested_model    text        NOT NULL,
    answering_model    text,
    attempt            integer     NOT NULL,
    outcome            text        NOT NULL,
    error_class        text,
    error_message      text,
    http_status        integer,
    prompt_tokens      integer     NOT NULL DEFAULT 0,
    completion_tokens  integer     NOT NULL DEFAULT 0,
    total_tokens       integer     NOT NULL DEFAULT 0,
    cost_usd           numeric(14, 8),
    latency_ms         bigint      NOT NULL,
    rate_limit_wait_ms bigint      NOT NULL DEFAULT 0,
    cache_hit          boolean     NOT NULL DEFAULT false,
    simulated          boolean     NOT NULL DEFAULT false,
    prompt_version     text,
    worker_instance    text,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz NOT NULL,
    ttfb_ms            bigint,
    generation_id      text,
    rate_limit_mode    text,     -- FLEET (Redis bucket) or LOCAL_SHARE (Redis unreachable)
    cost_source        text,     -- PROVIDER (reported), PRICE_TABLE, NONE
    repair             boolean     NOT NULL DEFAULT false,
    cost_saved_usd     numeric(14, 8),
    tokens_saved       integer     NOT NULL DEFAULT 0,
    -- When the rate limiter granted the attempt, by the granter's clock: Redis' TIME for the fleet-wide bucket,
    -- the instance's own clock for its local share. Null for attempts that needed no permit (cache hits).
    granted_at         timestamptz,
    -- The scan's tenant, from the request (ScanRequest.tenant); 'default' when the request names none.
    tenant             text        NOT NULL DEFAULT 'default'
);
CREATE INDEX IF NOT EXISTS model_call_scan_run ON model_call (scan_id, run);
CREATE INDEX IF NOT EXISTS model_call_started_at ON model_call (started_at);
CREATE INDEX IF NOT EXISTS model_call_provider_model ON model_call (provider, requested_model, started_at);
-- Analytics by tenant ask "this tenant's calls in this time window": tenant first, then time.
CREATE INDEX IF NOT EXISTS model_call_tenant_started_at ON model_call (tenant, started_at);

-- One row per cache lookup or store: HIT, MISS, STORE, BYPASS.
CREATE TABLE IF NOT EXISTS cache_event (
    id              bigserial PRIMARY KEY,
    scan_id         uuid        NOT NULL,
    run             integer     NOT NULL,
    role            text        NOT NULL,
    provider        text        NOT NULL,
    model           text        NOT NULL,
    cache_key       text        NOT NULL,
    event           text        NOT NULL,
    tokens_saved    integer     NOT NULL DEFAULT 0,
    cost_saved_usd  numeric(14, 8),
    worker_instance text,
    at              timestamptz NOT NULL,
    tenant          text        NOT NULL DEFAULT 'default'
);
CREATE INDEX IF NOT EXISTS cache_event_scan_run ON cache_event (scan_id, run);
CREATE INDEX IF NOT EXISTS cache_event_tenant_at ON cache_event (tenant, at);
