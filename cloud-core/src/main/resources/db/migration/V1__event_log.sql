-- The embedded event log (EventLog in the Store) and the consumers' positions in it.
CREATE TABLE event_log (
    position BIGINT PRIMARY KEY,
    log_key  TEXT   NOT NULL,
    payload  TEXT   NOT NULL
);

CREATE TABLE log_positions (
    group_id TEXT   PRIMARY KEY,
    position BIGINT NOT NULL
);
