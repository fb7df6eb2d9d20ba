-- Versions of the action catalog, intent patterns and policies, each with its signed bundle; the outbox.
CREATE TABLE catalog_versions (
    version    BIGINT PRIMARY KEY,
    actions    TEXT   NOT NULL,
    patterns   TEXT   NOT NULL,
    policies   TEXT   NOT NULL,
    bundle     TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT   NOT NULL
);

CREATE TABLE outbox (
    id               TEXT    PRIMARY KEY,
    destination_kind TEXT    NOT NULL,
    destination      TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    idempotency_key  TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  BIGINT  NOT NULL,
    expires_at       BIGINT,
    last_error       TEXT,
    created_at       BIGINT  NOT NULL,
    delivered_at     BIGINT,
    state            TEXT    NOT NULL
);
CREATE UNIQUE INDEX outbox_by_key ON outbox (idempotency_key);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
