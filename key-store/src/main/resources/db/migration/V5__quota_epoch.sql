-- Whether Redis has ever held this deployment's quota state. When Redis comes up without its
-- epoch marker although this row exists, Redis lost its data: the leader restores the state
-- from PostgreSQL conservatively (every minute window starts full). Without the row it is the
-- first start, and nothing needs restoring.
CREATE TABLE quota_epoch (
    id              int PRIMARY KEY CHECK (id = 1),
    first_marked_at timestamptz NOT NULL
);
