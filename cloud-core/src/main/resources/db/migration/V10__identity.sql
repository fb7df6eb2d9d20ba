-- The identity graph (DESIGN.md section 6): profiles, identifiers pointing at them, merges and refused links.
-- A merged profile keeps its row with merged_into set, so an old profile id still leads to its survivor.
CREATE TABLE profiles (
    profile_id  TEXT   PRIMARY KEY,
    created_at  BIGINT NOT NULL,
    merged_into TEXT
);
CREATE INDEX profiles_by_merged_into ON profiles (merged_into);

CREATE TABLE identities (
    namespace  TEXT   NOT NULL,
    value      TEXT   NOT NULL,
    profile_id TEXT   NOT NULL,
    linked_at  BIGINT NOT NULL,
    PRIMARY KEY (namespace, value)
);
CREATE INDEX identities_by_profile ON identities (profile_id, namespace);

CREATE TABLE profile_merges (
    merge_id     TEXT   PRIMARY KEY,
    from_profile TEXT   NOT NULL,
    into_profile TEXT   NOT NULL,
    cause        TEXT   NOT NULL,
    merged_at    BIGINT NOT NULL
);
CREATE INDEX profile_merges_by_into ON profile_merges (into_profile);

-- One row per profile kept apart by a resolution; a redelivered event (same cause) records it once.
CREATE TABLE refused_links (
    cause        TEXT   NOT NULL,
    kept_apart   TEXT   NOT NULL,
    profile_id   TEXT   NOT NULL,
    identifiers  TEXT   NOT NULL,
    reason       TEXT   NOT NULL,
    refused_at   BIGINT NOT NULL,
    PRIMARY KEY (cause, kept_apart)
);
CREATE INDEX refused_links_by_profile ON refused_links (profile_id);
CREATE INDEX refused_links_by_kept_apart ON refused_links (kept_apart);
