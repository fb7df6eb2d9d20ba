-- Events processed per profile and type, counted once per event after the dedup by source + id (ProfileEventCounts);
-- the profile API shows them, so a test or an operator can prove that every event arrived exactly once.
CREATE TABLE profile_event_counts (
    profile_id TEXT   NOT NULL,
    event_type TEXT   NOT NULL,
    events     BIGINT NOT NULL,
    PRIMARY KEY (profile_id, event_type)
);
