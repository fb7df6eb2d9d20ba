-- Facts the KPIs are computed from (KpiBook). Times are epoch milliseconds.

-- One row per decision; arm is 'treated' (actions chosen, not held out), 'control' (held out, with a would-be
-- choice) or 'none' (nothing chosen). capture_at is the trigger's capture time on the kiosk's clock, if any.
CREATE TABLE kpi_decisions (
    decision_id TEXT   PRIMARY KEY,
    profile_id  TEXT   NOT NULL,
    store_id    TEXT   NOT NULL,
    arm         TEXT   NOT NULL,
    decided_at  BIGINT NOT NULL,
    capture_at  BIGINT
);
CREATE INDEX kpi_decisions_by_time ON kpi_decisions (decided_at);

-- The actions of a decision: the chosen ones (treated) or the would-be ones (control).
CREATE TABLE kpi_decision_actions (
    decision_id TEXT   NOT NULL,
    action_id   TEXT   NOT NULL,
    arm         TEXT   NOT NULL,
    profile_id  TEXT   NOT NULL,
    store_id    TEXT   NOT NULL,
    decided_at  BIGINT NOT NULL,
    PRIMARY KEY (decision_id, action_id)
);
CREATE INDEX kpi_decision_actions_by_time ON kpi_decision_actions (decided_at);

-- Outcomes of shown actions; one per decision, action and kind, so a redelivered outcome counts once.
CREATE TABLE kpi_outcomes (
    decision_id TEXT   NOT NULL,
    action_id   TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    store_id    TEXT   NOT NULL,
    profile_id  TEXT   NOT NULL,
    at          BIGINT NOT NULL,
    value       BIGINT NOT NULL,
    PRIMARY KEY (decision_id, action_id, kind)
);
CREATE INDEX kpi_outcomes_by_time ON kpi_outcomes (at);

-- Purchases by profile, treated and control alike; the same profile, store and millisecond is one purchase.
CREATE TABLE kpi_purchases (
    profile_id TEXT   NOT NULL,
    store_id   TEXT   NOT NULL,
    at         BIGINT NOT NULL,
    value      BIGINT NOT NULL,
    PRIMARY KEY (profile_id, store_id, at)
);

-- Journey starts and completions, one row each.
CREATE TABLE kpi_journeys (
    fact_id      TEXT    PRIMARY KEY,
    store_id     TEXT    NOT NULL,
    journey_type TEXT    NOT NULL,
    completed    INTEGER NOT NULL,
    at           BIGINT  NOT NULL
);
CREATE INDEX kpi_journeys_by_time ON kpi_journeys (at);
