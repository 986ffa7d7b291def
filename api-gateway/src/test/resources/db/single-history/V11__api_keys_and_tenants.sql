-- API keys, roles and tenants (issue 10). A key is cnk_<prefix>_<secret>; only its SHA-256 is stored:
-- the secret is 32+ random bytes, so a fast hash cannot be brute-forced and a slow one would only add
-- latency to every request. The prefix is shown in lists and audit columns.
CREATE TABLE api_key (
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
CREATE INDEX api_key_tenant ON api_key (tenant, created_at DESC);

-- Every row a caller reads belongs to a tenant; rows from before keys belong to 'default'.
ALTER TABLE scan ADD COLUMN tenant text NOT NULL DEFAULT 'default';
-- The key that submitted the scan: a submitter reads only its own. Null for scans from before keys.
ALTER TABLE scan ADD COLUMN submitted_by uuid;
CREATE INDEX scan_tenant_created_at ON scan (tenant, created_at DESC);
-- An Idempotency-Key is the tenant's own: one tenant's key never returns another tenant's scan.
ALTER TABLE scan DROP CONSTRAINT scan_idempotency_key_key;
CREATE UNIQUE INDEX scan_tenant_idempotency_key ON scan (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;

ALTER TABLE replay_job ADD COLUMN tenant text NOT NULL DEFAULT 'default';

-- The tenant of the dead letter's scan when its key names a known scan, else the operator tenant.
ALTER TABLE dead_letter ADD COLUMN tenant text NOT NULL DEFAULT 'default';
UPDATE dead_letter d SET tenant = s.tenant FROM scan s
 WHERE d.record_key = convert_to(s.id::text, 'UTF8');  -- bytes compared: a key need not be UTF-8
CREATE INDEX dead_letter_tenant ON dead_letter (tenant, id);
