-- The gateway owns the schema. Writers: the gateway writes scan; the aggregator writes
-- aggregation and role_result; every model call's metrics row comes from llm-client.

CREATE TABLE scan (
    id               uuid PRIMARY KEY,
    name             text        NOT NULL,
    idempotency_key  text        UNIQUE,
    roles            jsonb       NOT NULL,
    digest           jsonb       NOT NULL,
    current_run      integer     NOT NULL DEFAULT 1,
    bypass_cache     boolean     NOT NULL DEFAULT false,
    deadline_seconds integer     NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX scan_created_at ON scan (created_at DESC);

-- Fan-in state of one scan run, so any aggregator instance can pick it up after a restart.
CREATE TABLE aggregation (
    scan_id        uuid        NOT NULL,
    run            integer     NOT NULL,
    request        jsonb       NOT NULL,
    expected_roles jsonb       NOT NULL,
    status         text        NOT NULL,  -- OPEN, SYNTHESIZING, COMPLETED, PARTIAL, FAILED
    requested_at   timestamptz NOT NULL,
    deadline_at    timestamptz NOT NULL,
    claimed_until  timestamptz,
    missing_roles  jsonb,
    failed_roles   jsonb,
    report         jsonb,
    failure_reason text,
    completed_at   timestamptz,
    PRIMARY KEY (scan_id, run)
);
CREATE INDEX aggregation_unfinished ON aggregation (deadline_at) WHERE status IN ('OPEN', 'SYNTHESIZING');

CREATE TABLE role_result (
    scan_id         uuid        NOT NULL,
    run             integer     NOT NULL,
    role            text        NOT NULL,
    outcome         text        NOT NULL,  -- SUCCEEDED, FAILED
    analysis        jsonb,
    failure_reason  text,
    provider        text,
    model           text,
    offline         boolean     NOT NULL DEFAULT false,
    worker_instance text,
    started_at      timestamptz,
    completed_at    timestamptz,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (scan_id, run, role)
);

CREATE TABLE model_call (
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
    finished_at        timestamptz NOT NULL
);
CREATE INDEX model_call_scan_run ON model_call (scan_id, run);
