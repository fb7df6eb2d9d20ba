-- Data-subject erasure (docs/privacy.md). Neither table holds personal data: no profile id, no identifier value.

-- One row per erasure: who asked for it and how many rows each table lost or had anonymised (JSON objects of
-- table name to count), for the privacy officer's record.
CREATE TABLE erasures (
    erasure_id  TEXT    PRIMARY KEY,
    erased_at   BIGINT  NOT NULL,
    erased_by   TEXT    NOT NULL,
    profiles    INTEGER NOT NULL,
    blocked     INTEGER NOT NULL,
    crm_notices INTEGER NOT NULL,
    removed     TEXT    NOT NULL,
    anonymised  TEXT    NOT NULL
);
CREATE INDEX erasures_by_time ON erasures (erased_at);

-- Identifiers of erased people that may not link to a profile again: a keyed hash (hex HMAC-SHA256) of
-- namespace and value, so the table cannot be searched for a token without the cloud's key.
CREATE TABLE blocked_identifiers (
    identifier_hash TEXT   PRIMARY KEY,
    erasure_id      TEXT   NOT NULL,
    blocked_at      BIGINT NOT NULL
);

-- The sweep that deletes delivered CRM erasure notices (the last copy of an erased profile id) every few seconds
-- reads the outbox by kind and state, without scanning every delivered kiosk action.
CREATE INDEX outbox_by_kind_state ON outbox (destination_kind, state);
