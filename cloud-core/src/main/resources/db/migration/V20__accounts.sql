-- Accounts (docs/accounts.md): console users, their sessions and API keys. Secrets are stored only as hashes.
CREATE TABLE users (
    name            TEXT    PRIMARY KEY,
    -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    -- Comma-separated store ids; empty for roles that see every store.
    stores          TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    disabled_at     BIGINT,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    BIGINT  NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
    -- SHA-256 (hex) of the 256-bit session id the cookie carries.
    id_hash    TEXT   PRIMARY KEY,
    user_name  TEXT   NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    csrf_token TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_name);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_keys (
    key_id      TEXT   PRIMARY KEY,
    -- SHA-256 (hex) of the whole key string (wm_pk_... or wm_sk_...).
    secret_hash TEXT   NOT NULL UNIQUE,
    kind        TEXT   NOT NULL,
    -- Comma-separated wire names of scopes and store ids; empty stores means every store.
    scopes      TEXT   NOT NULL,
    stores      TEXT   NOT NULL,
    label       TEXT   NOT NULL,
    created_by  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
