-- A closed run and its scan.completed event exist together (issue 8): the aggregator sets
-- completion_published_at once the broker acknowledged the event, and a relay republishes closed runs
-- still without it. claim_token names the holder of a synthesis claim, so the lease (claimed_until)
-- can be renewed while only the holder may close or release the run.

ALTER TABLE aggregation
    ADD COLUMN claim_token             uuid,
    ADD COLUMN completion_published_at timestamptz;

-- Runs closed before this migration had their event published at most once, when they closed:
-- they count as published, or the relay would announce every old run again.
UPDATE aggregation SET completion_published_at = completed_at
WHERE status IN ('COMPLETED', 'PARTIAL', 'FAILED');

CREATE INDEX aggregation_completion_unpublished ON aggregation (completed_at)
    WHERE completion_published_at IS NULL AND status IN ('COMPLETED', 'PARTIAL', 'FAILED');
