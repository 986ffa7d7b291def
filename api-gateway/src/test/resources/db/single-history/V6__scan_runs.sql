-- Every run of a scan (issue 9: re-run, replay, cancel). The gateway writes it, in the transaction that
-- publishes the run's request through the outbox; the aggregator and the workers only read it (a
-- cancel is asked for here). A run's outcome stays in aggregation (scan_id, run).
CREATE TABLE scan_run (
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
CREATE UNIQUE INDEX scan_run_idempotency ON scan_run (scan_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX scan_run_replay_job ON scan_run (replay_job_id) WHERE replay_job_id IS NOT NULL;
CREATE INDEX scan_run_cancel_requested ON scan_run (cancel_requested_at) WHERE cancel_requested_at IS NOT NULL;

-- Scans from before runs had rows: their first run.
INSERT INTO scan_run (scan_id, run, origin, roles, bypass_cache, requested_at)
SELECT id, 1, 'SUBMITTED', roles, bypass_cache, created_at FROM scan;

-- A carried role's result is a copy of an earlier run's: which one.
ALTER TABLE role_result ADD COLUMN carried_from_run integer;
