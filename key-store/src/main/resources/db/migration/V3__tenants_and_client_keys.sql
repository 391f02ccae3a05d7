-- Tenants (who pays, with their own limits and token budgets) and their client keys. A client key
-- is stored only as the SHA-256 of its UTF-8 bytes: the clear key is shown once, at creation.

CREATE TABLE tenants (
    id                   text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    name                 text        NOT NULL,
    -- limits and budgets: 0 means unlimited
    rpm                  bigint      NOT NULL DEFAULT 0 CHECK (rpm >= 0),
    tpm                  bigint      NOT NULL DEFAULT 0 CHECK (tpm >= 0),
    daily_token_budget   bigint      NOT NULL DEFAULT 0 CHECK (daily_token_budget >= 0),
    monthly_token_budget bigint      NOT NULL DEFAULT 0 CHECK (monthly_token_budget >= 0),
    status               text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE client_keys (
    id           text        PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
    -- SHA-256 of the clear key; the unique constraint is the index authentication looks up
    key_hash     bytea       NOT NULL CHECK (octet_length(key_hash) = 32),
    -- display only: the start of the key (sk-slc- and 4 of its 40 random characters)
    prefix       text        NOT NULL,
    label        text        NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- updated at most once a minute per key, by authentication
    last_used_at timestamptz,
    CONSTRAINT client_keys_key_hash_key UNIQUE (key_hash)
);

-- admin: the keys of one tenant; suspension and budgets: every key of a tenant
CREATE INDEX client_keys_tenant_idx ON client_keys (tenant_id, created_at);
