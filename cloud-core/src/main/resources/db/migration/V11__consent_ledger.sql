-- The consent ledger (DESIGN.md section 9): append-only statements. record_id is a ULID from one monotonic
-- generator, so ordering by it is append order. profile_id is the current owner (re-pointed by merges);
-- given_by is the profile the statement was first recorded for, kept for the history.
CREATE TABLE consent_records (
    record_id   TEXT   PRIMARY KEY,
    profile_id  TEXT   NOT NULL,
    given_by    TEXT   NOT NULL,
    purpose     TEXT   NOT NULL,
    channels    TEXT   NOT NULL,
    status      TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    stated_at   BIGINT NOT NULL,
    evidence    TEXT   NOT NULL
);
CREATE INDEX consent_records_by_profile ON consent_records (profile_id, record_id);
