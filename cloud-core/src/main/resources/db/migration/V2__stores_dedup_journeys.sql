-- Stores seen (from device traffic), the persistent dedup window, journey state and durable timers.
CREATE TABLE stores (
    store_id   TEXT   PRIMARY KEY,
    first_seen BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL
);

-- CloudEvents source + id of every event processed, kept for the dedup window.
CREATE TABLE seen_events (
    source  TEXT   NOT NULL,
    id      TEXT   NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (source, id)
);
CREATE INDEX seen_events_by_time ON seen_events (seen_at);

CREATE TABLE journeys (
    profile_id TEXT   PRIMARY KEY,
    context    TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE journey_timers (
    timer_id   TEXT   PRIMARY KEY,
    profile_id TEXT   NOT NULL,
    due_at     BIGINT NOT NULL,
    store_id   TEXT,
    device_id  TEXT
);
CREATE INDEX journey_timers_by_due ON journey_timers (due_at);
