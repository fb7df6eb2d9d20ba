-- Campaign mode (DESIGN.md section 8): a scheduled decision over a segment of profiles. A campaign's profile space
-- is split into key ranges when it starts; each range is claimed by one runner at a time with a lease, and its
-- checkpoint (the last profile decided) and counters commit in the same transaction as the chunk's decisions.
CREATE TABLE campaigns (
    campaign_id TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    segment     TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    placement   TEXT    NOT NULL,
    start_at    BIGINT  NOT NULL,
    state       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    started_at  BIGINT,
    finished_at BIGINT,
    note        TEXT
);
CREATE INDEX campaigns_by_state ON campaigns (state, start_at);

-- Partition bounds: profile_id > low_key (exclusive, '' for the first) and <= high_key ('' for the last: open).
CREATE TABLE campaign_partitions (
    campaign_id TEXT    NOT NULL,
    partition   INTEGER NOT NULL,
    low_key     TEXT    NOT NULL,
    high_key    TEXT    NOT NULL,
    checkpoint  TEXT    NOT NULL,
    done        INTEGER NOT NULL,
    owner       TEXT,
    lease_until BIGINT  NOT NULL,
    scanned     BIGINT  NOT NULL,
    in_segment  BIGINT  NOT NULL,
    decided     BIGINT  NOT NULL,
    sent        BIGINT  NOT NULL,
    suppressed  BIGINT  NOT NULL,
    control     BIGINT  NOT NULL,
    PRIMARY KEY (campaign_id, partition)
);
