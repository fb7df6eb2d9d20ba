-- Decisions with their explanations, contact history, outcomes, the learner's arms and edge claims.
CREATE TABLE decisions (
    decision_id  TEXT    PRIMARY KEY,
    profile_id   TEXT    NOT NULL,
    store_id     TEXT    NOT NULL,
    device_id    TEXT,
    channel      TEXT    NOT NULL,
    placement    TEXT    NOT NULL,
    mode         TEXT    NOT NULL,
    intent       TEXT,
    made_at      BIGINT  NOT NULL,
    control      INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    chosen       TEXT    NOT NULL,
    would_be     TEXT    NOT NULL,
    explanation  TEXT    NOT NULL,
    capture_time BIGINT,
    catalog_version BIGINT NOT NULL
);
CREATE INDEX decisions_by_profile ON decisions (profile_id, made_at);
CREATE INDEX decisions_by_store ON decisions (store_id, device_id, made_at);
CREATE INDEX decisions_by_time ON decisions (made_at);

CREATE TABLE contacts (
    profile_id TEXT   NOT NULL,
    action_id  TEXT   NOT NULL,
    channel    TEXT   NOT NULL,
    category   TEXT   NOT NULL,
    at         BIGINT NOT NULL,
    decision_id TEXT  NOT NULL,
    PRIMARY KEY (decision_id, action_id)
);
CREATE INDEX contacts_by_profile ON contacts (profile_id, at);

CREATE TABLE outcomes (
    decision_id TEXT   NOT NULL,
    action_id   TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    at          BIGINT NOT NULL,
    value       BIGINT NOT NULL,
    profile_id  TEXT   NOT NULL,
    PRIMARY KEY (decision_id, action_id, kind)
);

CREATE TABLE model_arms (
    action_id TEXT             NOT NULL,
    segment   TEXT             NOT NULL,
    alpha     DOUBLE PRECISION NOT NULL,
    beta      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (action_id, segment)
);

-- An offline decision the edge already showed: later triggered cloud decisions for the same profile, device and
-- placement are skipped until it expires.
CREATE TABLE edge_claims (
    decision_id TEXT   NOT NULL,
    action_id   TEXT   NOT NULL,
    profile_id  TEXT   NOT NULL,
    store_id    TEXT   NOT NULL,
    device_id   TEXT   NOT NULL,
    placement   TEXT   NOT NULL,
    shown_at    BIGINT NOT NULL,
    until_at    BIGINT NOT NULL,
    PRIMARY KEY (decision_id, action_id)
);
CREATE INDEX edge_claims_by_device ON edge_claims (profile_id, store_id, device_id, until_at);
