-- The bulk replay job runner (issue 9): what a job analyses, its audited counts, and items that could not start.

-- roles: the roles a BULK job's runs analyse again (null: every role of the scan's current run); the
-- others are carried from their stored results. The counts are the runner's last look at its items
-- and their runs' aggregation rows, kept in the row for the audit; state changes are logged as well.
ALTER TABLE replay_job
    ADD COLUMN roles          jsonb,
    ADD COLUMN selected       integer NOT NULL DEFAULT 0,
    ADD COLUMN started        integer NOT NULL DEFAULT 0,
    ADD COLUMN completed      integer NOT NULL DEFAULT 0,
    ADD COLUMN partial        integer NOT NULL DEFAULT 0,
    ADD COLUMN failed         integer NOT NULL DEFAULT 0,
    ADD COLUMN cancelled      integer NOT NULL DEFAULT 0,
    ADD COLUMN skipped        integer NOT NULL DEFAULT 0,
    ADD COLUMN paused_by      text,
    ADD COLUMN cancelled_by   text;

-- An item whose run could not be started (the scan refused it, e.g. a role no longer known): why. It is
-- not tried again and counts as skipped.
ALTER TABLE replay_item ADD COLUMN skipped_reason text;

DROP INDEX replay_item_pending;
CREATE INDEX replay_item_pending ON replay_item (job_id) WHERE new_run IS NULL AND skipped_reason IS NULL;
