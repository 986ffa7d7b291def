-- The gateway's tables (history flyway_history_gateway): scans and their runs, the outbox, dead letters,
-- replay jobs and API keys. Written by the gateway only; the aggregator and the analysis worker read scan and
-- scan_run. Every service runs this history at start. The foreign keys stay inside this history.
--
-- A database of the single history of before (flyway_schema_history at V12) holds these tables as they are
-- here: every statement is IF NOT EXISTS, so there this version changes nothing (SchemaHistories).

-- What was submitted. Every row belongs to a tenant; submitted_by is the key that submitted it (null for scans
-- from before keys). An Idempotency-Key is the tenant's own.
CREATE TABLE IF NOT EXISTS scan (
    id               uuid PRIMARY KEY,
    name             text        NOT NULL,
    idempotency_key  text,
    roles            jsonb       NOT NULL,
    digest           jsonb       NOT NULL,
    current_run      integer     NOT NULL DEFAULT 1,
    bypass_cache     boolean     NOT NULL DEFAULT false,
    deadline_seconds integer     NOT NULL,
    created_at       timestamptz NOT NULL,
    tenant           text        NOT NULL DEFAULT 'default',
    submitted_by     uuid
);
CREATE INDEX IF NOT EXISTS scan_created_at ON scan (created_at DESC);
CREATE INDEX IF NOT EXISTS scan_tenant_created_at ON scan (tenant, created_at DESC);
CREATE UNIQUE INDEX IF NOT EXISTS scan_tenant_idempotency_key ON scan (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Every run of a scan, written in the transaction that publishes the run's request through the outbox; the
-- aggregator and the workers only read it (a cancel is asked for here). A run's outcome is in aggregation.
CREATE TABLE IF NOT EXISTS scan_run (
    scan_id             uuid        NOT NULL REFERENCES scan (id),
    run                 integer     NOT NULL,
    origin              text        NOT NULL,  -- SUBMITTED, RERUN, REPLAY, TOPIC_REPLAY
    roles               jsonb       NOT NULL,  -- analysed: their workers call models
    carried_roles       jsonb       NOT NULL DEFAULT '{}',  -- role -> the earlier run its result is taken from
    overrides           jsonb       NOT NULL DEFAULT '{}',  -- role -> {promptVersion, chain}
    bypass_cache        boolean     NOT NULL DEFAULT false,
    requested_at        timestamptz NOT NULL,
    requested_by        text,
    idempotency_key     text,
    replay_job_id       uuid,
    source_run          integer,               -- the run a replay or re-run was made from
    cancel_requested_at timestamptz,
    cancelled_by        text,
    PRIMARY KEY (scan_id, run)
);
CREATE UNIQUE INDEX IF NOT EXISTS scan_run_idempotency ON scan_run (scan_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS scan_run_replay_job ON scan_run (replay_job_id) WHERE replay_job_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS scan_run_cancel_requested ON scan_run (cancel_requested_at) WHERE cancel_requested_at IS NOT NULL;

-- Transactional outbox: a record that must reach Kafka because of a database change is written here in the
-- same transaction as that change; a row is deleted once the broker acknowledged its record.
CREATE TABLE IF NOT EXISTS outbox (
    id              bigserial   PRIMARY KEY,          -- publish order: oldest first
    topic           text        NOT NULL,
    message_key     text        NOT NULL,             -- Kafka key (a scan id)
    payload         text        NOT NULL,             -- the record's value, already encoded
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- The relay takes a row only once this passed: the submitting request's own claim right after the
    -- insert, a relay's lease while it publishes, or the backoff after a failed attempt.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text
);
CREATE INDEX IF NOT EXISTS outbox_next_attempt_at ON outbox (next_attempt_at);

-- The dead-letter index: every record of scan.dead-letters, copied by the consumer group dead-letter-index.
-- The topic stays the source of truth for what was dead-lettered; this table is what operators work on.
CREATE TABLE IF NOT EXISTS dead_letter (
    id               bigserial   PRIMARY KEY,
    dlq_partition    integer     NOT NULL,
    dlq_offset       bigint      NOT NULL,
    -- From its dead-letter-* headers (null when a header is missing).
    source_topic     text,
    source_partition integer,
    source_offset    bigint,
    consumer_group   text,
    reason           text,
    exception        text,
    -- dead-letter-time, else the record's timestamp.
    dead_lettered_at timestamptz NOT NULL,
    -- The original record byte for byte: key, value (may be null or not UTF-8) and its own headers
    -- in order, as [{"key": ..., "value": base64 or null}] (the dead-letter-* ones are above).
    record_key       bytea,
    record_value     bytea,
    headers          jsonb       NOT NULL DEFAULT '[]',
    indexed_at       timestamptz NOT NULL DEFAULT now(),
    -- Set once the broker acknowledged a re-drive to source_topic.
    redriven_at      timestamptz,
    redrive_count    integer     NOT NULL DEFAULT 0,
    -- The tenant of the dead letter's scan when its key names a known scan, else the operator tenant.
    tenant           text        NOT NULL DEFAULT 'default',
    CONSTRAINT dead_letter_position UNIQUE (dlq_partition, dlq_offset)
);
CREATE INDEX IF NOT EXISTS dead_letter_time ON dead_letter (dead_lettered_at);
CREATE INDEX IF NOT EXISTS dead_letter_source_topic ON dead_letter (source_topic, id);
CREATE INDEX IF NOT EXISTS dead_letter_tenant ON dead_letter (tenant, id);

-- Replay jobs: a bulk replay selects scans from the database, a topic replay selects runs by re-reading a
-- topic's records in a time range. Either way the selection becomes replay_item rows, and the job runner
-- starts one new run per item, throttled (max_in_flight runs open at once, and the runs' model calls limited
-- to `share` of the fleet's rate limit). roles: the roles a BULK job's runs analyse again (null: every role of
-- the scan's current run). The counts are the runner's last look at its items, kept for the audit.
CREATE TABLE IF NOT EXISTS replay_job (
    id             uuid        PRIMARY KEY,
    kind           text        NOT NULL,  -- BULK, TOPIC
    status         text        NOT NULL,  -- SELECTING, RUNNING, PAUSED, CANCELLED, COMPLETED, FAILED
    selection      jsonb       NOT NULL,  -- the filter (BULK) or the topic and time range (TOPIC), as asked
    share          double precision NOT NULL,
    bypass_cache   boolean     NOT NULL DEFAULT false,
    max_in_flight  integer     NOT NULL,
    estimate       jsonb,                 -- the dry-run estimate when the job was created
    requested_by   text,
    created_at     timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    updated_at     timestamptz NOT NULL,
    claimed_by     text,                  -- the gateway instance driving it, while claimed_until is ahead
    claimed_until  timestamptz,
    last_error     text,
    roles          jsonb,
    selected       integer     NOT NULL DEFAULT 0,
    started        integer     NOT NULL DEFAULT 0,
    completed      integer     NOT NULL DEFAULT 0,
    partial        integer     NOT NULL DEFAULT 0,
    failed         integer     NOT NULL DEFAULT 0,
    cancelled      integer     NOT NULL DEFAULT 0,
    skipped        integer     NOT NULL DEFAULT 0,
    paused_by      text,
    cancelled_by   text,
    tenant         text        NOT NULL DEFAULT 'default'
);
CREATE INDEX IF NOT EXISTS replay_job_created_at ON replay_job (created_at DESC);
CREATE INDEX IF NOT EXISTS replay_job_active ON replay_job (status) WHERE status IN ('SELECTING', 'RUNNING');

-- One selected run of a job: the job starts a new run of scan_id from source_run, as action says. An item
-- whose run could not be started says why (skipped_reason); it is not tried again and counts as skipped.
CREATE TABLE IF NOT EXISTS replay_item (
    job_id         uuid        NOT NULL REFERENCES replay_job (id),
    scan_id        uuid        NOT NULL,
    source_run     integer     NOT NULL,
    action         text        NOT NULL,  -- RERUN (roles analysed again), RESYNTHESIZE (stored results, synthesis only)
    new_run        integer,               -- set once the new run is started
    started_at     timestamptz,
    skipped_reason text,
    PRIMARY KEY (job_id, scan_id, source_run)
);
CREATE INDEX IF NOT EXISTS replay_item_pending ON replay_item (job_id) WHERE new_run IS NULL AND skipped_reason IS NULL;

-- API keys: a key is cnk_<prefix>_<secret>; only its SHA-256 is stored (the secret is 32+ random bytes, so a
-- fast hash cannot be brute-forced). The prefix is shown in lists and audit columns.
CREATE TABLE IF NOT EXISTS api_key (
    id           uuid        PRIMARY KEY,
    tenant       text        NOT NULL,
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,
    hash         text        NOT NULL UNIQUE,  -- SHA-256 of the whole key text, hex
    role         text        NOT NULL,         -- SUBMITTER, VIEWER, ADMIN
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,         -- the creating key's prefix, or 'bootstrap'
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz                   -- written at most once a minute per key and gateway
);
CREATE INDEX IF NOT EXISTS api_key_tenant ON api_key (tenant, created_at DESC);
