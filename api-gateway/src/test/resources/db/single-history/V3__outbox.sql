-- Transactional outbox (issue 8: no orphan, no ghost). A record that must reach Kafka because of a
-- database change is written here in the same transaction as that change; a row is deleted once the
-- broker acknowledged its record, so this table holds only what is not yet published.
CREATE TABLE outbox (
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
CREATE INDEX outbox_next_attempt_at ON outbox (next_attempt_at);
