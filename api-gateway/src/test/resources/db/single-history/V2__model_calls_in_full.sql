-- Every attempt at a model in full (issue: model calls that survive the real world), and the cache's events.

ALTER TABLE model_call
    ADD COLUMN ttfb_ms            bigint,
    ADD COLUMN generation_id      text,
    ADD COLUMN rate_limit_mode    text,     -- FLEET (Redis bucket) or LOCAL_SHARE (Redis unreachable)
    ADD COLUMN cost_source        text,     -- PROVIDER (reported), PRICE_TABLE, NONE
    ADD COLUMN repair             boolean     NOT NULL DEFAULT false,
    ADD COLUMN cost_saved_usd     numeric(14, 8),
    ADD COLUMN tokens_saved       integer     NOT NULL DEFAULT 0;

CREATE INDEX model_call_started_at ON model_call (started_at);
CREATE INDEX model_call_provider_model ON model_call (provider, requested_model, started_at);

-- One row per cache lookup or store: HIT, MISS, STORE, BYPASS.
CREATE TABLE cache_event (
    id             bigserial PRIMARY KEY,
    scan_id        uuid        NOT NULL,
    run            integer     NOT NULL,
    role           text        NOT NULL,
    provider       text        NOT NULL,
    model          text        NOT NULL,
    cache_key      text        NOT NULL,
    event          text        NOT NULL,
    tokens_saved   integer     NOT NULL DEFAULT 0,
    cost_saved_usd numeric(14, 8),
    worker_instance text,
    at             timestamptz NOT NULL
);
CREATE INDEX cache_event_scan_run ON cache_event (scan_id, run);
