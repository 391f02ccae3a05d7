-- The usage ledger: one row per completed request, drained from the Redis Stream outbox
-- (docs/adr/0006-usage-ledger.md). Partitioned by month (UTC) on occurred_at so that retention
-- drops whole partitions and queries over a time range read only the months they cover.
--
-- Idempotency: a partitioned table's unique constraints must contain the partition key, so the
-- primary key is (request_id, occurred_at). occurred_at is the event's own time, set once when the
-- router writes the event to the outbox and carried in it: a redelivered event is the same row,
-- and INSERT ... ON CONFLICT (request_id, occurred_at) DO NOTHING skips it.
--
-- No foreign keys: the ledger outlives keys and tenants it names, and a per-row FK check would
-- cost every insert.

CREATE TABLE usage_ledger (
    request_id            text        NOT NULL,
    occurred_at           timestamptz NOT NULL,
    tenant_id             text        NOT NULL,
    client_key_id         text        NOT NULL,
    -- null when no target was tried (every provider unhealthy, every pool dry)
    provider_id           text,
    key_id                text,
    model                 text        NOT NULL,
    task_class            text        NOT NULL,
    est_prompt_tokens     integer     NOT NULL CHECK (est_prompt_tokens >= 0),
    est_completion_tokens integer     NOT NULL CHECK (est_completion_tokens >= 0),
    -- as the provider reported them; null when it reported none (failed or cut-off call)
    prompt_tokens         integer     CHECK (prompt_tokens >= 0),
    completion_tokens     integer     CHECK (completion_tokens >= 0),
    -- HTTP status the client got
    status                integer     NOT NULL,
    attempts              integer     NOT NULL CHECK (attempts >= 0),
    latency_ms            integer     NOT NULL CHECK (latency_ms >= 0),
    error                 text,
    PRIMARY KEY (request_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- the admin queries: usage of one tenant / key / provider over a time range
CREATE INDEX usage_ledger_tenant_idx ON usage_ledger (tenant_id, occurred_at);
CREATE INDEX usage_ledger_key_idx ON usage_ledger (key_id, occurred_at);
CREATE INDEX usage_ledger_provider_idx ON usage_ledger (provider_id, occurred_at);
-- every tenant over a short range (an hour, a day): rows arrive in time order, so a BRIN index
-- (about 72 kB for 10 M rows) narrows the scan to those pages instead of the whole month
CREATE INDEX usage_ledger_occurred_at_brin ON usage_ledger USING brin (occurred_at);

-- Creates (if missing) the partition usage_ledger_pYYYYMM holding the UTC month that contains
-- month_start, and returns its name. Serialised by an advisory lock so that replicas starting
-- together do not race on the catalog.
CREATE FUNCTION usage_ledger_create_partition(month_start timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    first_day timestamp := date_trunc('month', month_start AT TIME ZONE 'UTC');
    name      text      := 'usage_ledger_p' || to_char(first_day, 'YYYYMM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('usage_ledger_partitions'));
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF usage_ledger FOR VALUES FROM (%L) TO (%L)',
                       name, first_day AT TIME ZONE 'UTC', (first_day + interval '1 month') AT TIME ZONE 'UTC');
    END IF;
    RETURN name;
END
$$;

-- Drops every partition whose whole month ends at or before cutoff (the month holding cutoff
-- stays), and returns the names dropped, oldest first.
CREATE FUNCTION usage_ledger_drop_partitions_before(cutoff timestamptz) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    part text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('usage_ledger_partitions'));
    FOR part IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'usage_ledger'::regclass AND c.relname ~ '^usage_ledger_p[0-9]{6}$'
          AND (to_date(substr(c.relname, 15), 'YYYYMM') + interval '1 month') AT TIME ZONE 'UTC' <= cutoff
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE %I', part);
        RETURN NEXT part;
    END LOOP;
END
$$;

-- the current and the next month, so the ledger accepts writes as soon as it exists
SELECT usage_ledger_create_partition(now());
SELECT usage_ledger_create_partition(now() + interval '1 month');
