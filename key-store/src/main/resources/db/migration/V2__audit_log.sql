-- The admin audit log: who did what to which target, when. Append-only; written in the same
-- transaction as the change it records. Never holds a secret.

CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target_kind text        NOT NULL,
    target_id   text        NOT NULL,
    detail      jsonb       NOT NULL DEFAULT '{}'::jsonb
);

-- the history of one target (a key, a provider, a tenant), newest first
CREATE INDEX audit_log_target_idx ON audit_log (target_kind, target_id, at DESC);
-- the newest entries overall
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
