-- Replay jobs (issue 9): a bulk replay selects scans from the database, a topic replay selects runs by
-- re-reading a topic's records in a time range. Either way the selection becomes replay_item rows, and
-- the job runner starts one new run per item, throttled (max_in_flight runs open at once, and the
-- runs' model calls limited to `share` of the fleet's rate limit), so live scans are never starved.
CREATE TABLE replay_job (
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
    last_error     text
);
CREATE INDEX replay_job_created_at ON replay_job (created_at DESC);
CREATE INDEX replay_job_active ON replay_job (status) WHERE status IN ('SELECTING', 'RUNNING');

-- One selected run of a job: the job starts a new run of scan_id from source_run, as action says.
CREATE TABLE replay_item (
    job_id      uuid        NOT NULL REFERENCES replay_job (id),
    scan_id     uuid        NOT NULL,
    source_run  integer     NOT NULL,
    action      text        NOT NULL,  -- RERUN (roles analysed again), RESYNTHESIZE (stored results, synthesis only)
    new_run     integer,               -- set once the new run is started
    started_at  timestamptz,
    PRIMARY KEY (job_id, scan_id, source_run)
);
CREATE INDEX replay_item_pending ON replay_item (job_id) WHERE new_run IS NULL;
