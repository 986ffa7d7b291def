-- When the rate limiter granted each attempt, by the granter's clock: Redis' TIME for the fleet-wide
-- bucket (one clock for every instance, so a fleet's grants can be compared against its limit),
-- the instance's own clock for its local share. Null for attempts that needed no permit (cache hits).
ALTER TABLE model_call ADD COLUMN granted_at timestamptz;
