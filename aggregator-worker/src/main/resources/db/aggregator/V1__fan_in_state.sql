-- The aggregator's tables (history flyway_history_aggregator): the fan-in state of every scan run and the
-- role results it collected. Written by the aggregator only; the gateway reads them for a scan's status,
-- report and runs, the analysis worker reads a run's status to skip closed runs. Every service runs this
-- history at start.
--
-- A database of the single history of before (flyway_schema_history at V12) holds these tables as they are
-- here: every statement is IF NOT EXISTS, so there this version changes nothing (SchemaHistories).

-- Fan-in state of one scan run, so any aggregator instance can pick it up after a restart. claim_token names
-- the holder of a synthesis claim, so the lease (claimed_until) can be renewed while only the holder may close
-- or release the run; completion_published_at is set once the broker acknowledged the run's scan.completed
-- (the completion outbox: a relay republishes closed runs still without it).
CREATE TABLE IF NOT EXISTS aggregation (
    scan_id                 uuid        NOT NULL,
    run                     integer     NOT NULL,
    request                 jsonb       NOT NULL,
    expected_roles          jsonb       NOT NULL,
    status                  text        NOT NULL,  -- OPEN, SYNTHESIZING, COMPLETED, PARTIAL, FAILED
    requested_at            timestamptz NOT NULL,
    deadline_at             timestamptz NOT NULL,
    claimed_until           timestamptz,
    missing_roles           jsonb,
    failed_roles            jsonb,
    report                  jsonb,
    failure_reason          text,
    completed_at            timestamptz,
    claim_token             uuid,
    completion_published_at timestamptz,
    PRIMARY KEY (scan_id, run)
);
CREATE INDEX IF NOT EXISTS aggregation_unfinished ON aggregation (deadline_at) WHERE status IN ('OPEN', 'SYNTHESIZING');
CREATE INDEX IF NOT EXISTS aggregation_completion_unpublished ON aggregation (completed_at)
    WHERE completion_published_at IS NULL AND status IN ('COMPLETED', 'PARTIAL', 'FAILED');

-- One role's result in a run; first delivery wins. carried_from_run: the earlier run a carried role's result
-- is a copy of (null when analysed in this run).
CREATE TABLE IF NOT EXISTS role_result (
    scan_id          uuid        NOT NULL,
    run              integer     NOT NULL,
    role             text        NOT NULL,
    outcome          text        NOT NULL,  -- SUCCEEDED, FAILED
    analysis         jsonb,
    failure_reason   text,
    provider         text,
    model            text,
    offline          boolean     NOT NULL DEFAULT false,
    worker_instance  text,
    started_at       timestamptz,
    completed_at     timestamptz,
    received_at      timestamptz NOT NULL,
    carried_from_run integer,
    PRIMARY KEY (scan_id, run, role)
);
