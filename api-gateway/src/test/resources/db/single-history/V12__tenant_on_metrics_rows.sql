-- Tenants on the metrics rows (issue 10): every model call and cache event belongs to its scan's tenant, written by
-- the llm-client from the request (ScanRequest.tenant). Rows from before tenants, and rows of requests that do not
-- name one, are the 'default' tenant's. Adding a column with a constant default rewrites no rows (PostgreSQL 11+).
ALTER TABLE model_call ADD COLUMN tenant text NOT NULL DEFAULT 'default';
ALTER TABLE cache_event ADD COLUMN tenant text NOT NULL DEFAULT 'default';

-- Analytics by tenant ask "this tenant's calls (cache events) in this time window": tenant first, then time, so
-- one index range serves both the filter and the order. A table of millions of rows would want CREATE INDEX
-- CONCURRENTLY (outside Flyway's transaction); at today's sizes the short write lock is the simpler choice.
CREATE INDEX model_call_tenant_started_at ON model_call (tenant, started_at);
CREATE INDEX cache_event_tenant_at ON cache_event (tenant, at);
