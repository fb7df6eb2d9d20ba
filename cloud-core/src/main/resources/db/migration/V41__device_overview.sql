-- The store and device overview (DeviceOverview), from hub reports and device heartbeats.
CREATE TABLE overview_hubs (
    store_id     TEXT    NOT NULL,
    hub_id       TEXT    NOT NULL,
    link_up      INTEGER NOT NULL,
    buffer_depth BIGINT  NOT NULL,
    last_report  BIGINT  NOT NULL,
    PRIMARY KEY (store_id, hub_id)
);

-- presence comes from the latest hub report (online: 1, offline: 0, never reported: NULL); last_seen and
-- skew_millis are the hub's view, heartbeat_at the cloud's clock at the device's last heartbeat.
CREATE TABLE overview_devices (
    store_id         TEXT    NOT NULL,
    device_id        TEXT    NOT NULL,
    hub_id           TEXT,
    online           INTEGER,
    last_seen        BIGINT,
    skew_millis      BIGINT,
    software_version TEXT,
    buffer_depth     BIGINT,
    heartbeat_at     BIGINT,
    PRIMARY KEY (store_id, device_id)
);
