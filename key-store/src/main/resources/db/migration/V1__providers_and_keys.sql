-- Providers and their API keys. Secrets are stored only sealed with AES-256-GCM
-- (docs/adr/0005-secret-encryption.md); the master keys never enter the database.

CREATE TABLE providers (
    id                 text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    kind               text        NOT NULL CHECK (kind IN ('openai-compatible', 'anthropic')),
    base_url           text        NOT NULL,
    models             text[]      NOT NULL DEFAULT '{}',
    connect_timeout_ms integer     NOT NULL DEFAULT 5000 CHECK (connect_timeout_ms > 0),
    request_timeout_ms integer     NOT NULL DEFAULT 300000 CHECK (request_timeout_ms > 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE provider_keys (
    id                 text        PRIMARY KEY,
    provider_id        text        NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    label              text        NOT NULL,
    -- limits: 0 means unlimited
    rpm                bigint      NOT NULL DEFAULT 0 CHECK (rpm >= 0),
    tpm                bigint      NOT NULL DEFAULT 0 CHECK (tpm >= 0),
    rpd                bigint      NOT NULL DEFAULT 0 CHECK (rpd >= 0),
    tpd                bigint      NOT NULL DEFAULT 0 CHECK (tpd >= 0),
    max_concurrent     integer     NOT NULL DEFAULT 0 CHECK (max_concurrent >= 0),
    daily_reset_zone   text        NOT NULL DEFAULT 'UTC',
    weight             integer     NOT NULL DEFAULT 1 CHECK (weight > 0),
    status             text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'revoked')),
    status_reason      text,
    -- AES-256-GCM ciphertext with its 16-byte tag, the 12-byte nonce, the master key version
    secret_ciphertext  bytea       NOT NULL CHECK (octet_length(secret_ciphertext) > 16),
    secret_nonce       bytea       NOT NULL CHECK (octet_length(secret_nonce) = 12),
    secret_key_version integer     NOT NULL CHECK (secret_key_version > 0),
    -- display only: first 8 hex digits of SHA-256(secret), and the masked form sk-...abcd
    fingerprint        text        NOT NULL,
    secret_hint        text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    rotated_at         timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- durable daily exhaustion, restored into Redis should Redis lose its data
    exhausted_until    timestamptz
);

-- routing: the active keys of one provider; admin: the keys of one provider
CREATE INDEX provider_keys_provider_status_idx ON provider_keys (provider_id, status);
-- start-up and recovery: every active (or every disabled) key
CREATE INDEX provider_keys_status_idx ON provider_keys (status);
-- recovery: keys still exhausted
CREATE INDEX provider_keys_exhausted_idx ON provider_keys (exhausted_until) WHERE exhausted_until IS NOT NULL;
