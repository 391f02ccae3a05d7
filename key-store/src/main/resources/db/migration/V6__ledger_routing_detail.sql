-- Routing detail in the usage ledger (docs/adr/0008-provider-health.md, issue 5): why the request
-- went where it did, and every upstream call it made.
--
-- route_reason: the x-sluice-route-reason the client got (class, rule, targets; degraded last).
-- attempt_log:  a JSON array, one object per upstream call in order:
--               {"provider","model","key","status"?,"latency_ms","outcome"} where outcome is ok,
--               server_error, timeout, connection, rate_limited or key_rejected; key is the key id
--               (never a secret). attempts stays the count.
-- Both null for rows written before V6. Adding nullable columns without a default is a catalog
-- change only, also on the existing partitions.
ALTER TABLE usage_ledger ADD COLUMN route_reason text, ADD COLUMN attempt_log jsonb;

-- GET /admin/routing/decisions reads the newest rows: ORDER BY occurred_at DESC LIMIT n becomes a
-- merge of each partition's index instead of a sort of the whole month. One more b-tree per insert.
CREATE INDEX usage_ledger_occurred_at_idx ON usage_ledger (occurred_at DESC);
