-- The dead-letter index (issue 9): every record of scan.dead-letters, copied by the gateway's consumer
-- group dead-letter-index, so dead letters can be listed, shown, re-driven and purged over HTTP. The
-- topic stays the source of truth for what was dead-lettered; this table is what operators work on.
CREATE TABLE dead_letter (
    id               bigserial   PRIMARY KEY,
    -- Where the dead letter itself is: one row per record of scan.dead-letters, whatever comes again.
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
    CONSTRAINT dead_letter_position UNIQUE (dlq_partition, dlq_offset)
);
CREATE INDEX dead_letter_time ON dead_letter (dead_lettered_at);
CREATE INDEX dead_letter_source_topic ON dead_letter (source_topic, id);
