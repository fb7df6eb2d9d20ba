-- CRM sync: per-profile ordering of outbox messages, profile traits the CRM owns, and inbound deliveries seen.
ALTER TABLE outbox ADD COLUMN ordering_key TEXT;
CREATE INDEX outbox_ordering ON outbox (ordering_key, state, id);
CREATE INDEX outbox_state_kind ON outbox (state, destination_kind);

CREATE TABLE profile_traits (
    profile_id TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    value      TEXT   NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (profile_id, name)
);

CREATE TABLE crm_inbound (
    id          TEXT   PRIMARY KEY,
    received_at BIGINT NOT NULL
);
