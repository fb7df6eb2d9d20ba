package dev.waymark.cloud.internal.insight;

import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.HubDevice;
import dev.waymark.protocol.event.HubReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * {@link DeviceBook} over the {@code overview_*} tables. A device's presence, last seen and skew come from hub
 * reports and only move forward (a report the hub made offline and sent late does not undo a newer one); its
 * software version and buffer depth come from its heartbeats.
 */
public final class DeviceOverview implements DeviceBook {

    @Override
    public void hubReport(Connection connection, String storeId, String hubId, HubReport report,
            Instant receivedAt) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO overview_hubs (store_id, hub_id, link_up, buffer_depth, last_report) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (store_id, hub_id) DO UPDATE SET "
                        + "link_up = excluded.link_up, buffer_depth = excluded.buffer_depth, "
                        + "last_report = excluded.last_report "
                        + "WHERE excluded.last_report >= overview_hubs.last_report")) {
            upsert.setString(1, storeId);
            upsert.setString(2, hubId);
            upsert.setInt(3, report.linkUp() ? 1 : 0);
            upsert.setLong(4, report.bufferDepth());
            upsert.setLong(5, receivedAt.toEpochMilli());
            upsert.executeUpdate();
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO overview_devices (store_id, device_id, hub_id, online, last_seen, skew_millis) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (store_id, device_id) DO UPDATE SET "
                        + "hub_id = excluded.hub_id, online = excluded.online, last_seen = excluded.last_seen, "
                        + "skew_millis = COALESCE(excluded.skew_millis, overview_devices.skew_millis) "
                        + "WHERE overview_devices.last_seen IS NULL "
                        + "OR excluded.last_seen >= overview_devices.last_seen")) {
            for (HubDevice device : report.devices()) {
                upsert.setString(1, storeId);
                upsert.setString(2, device.deviceId());
                upsert.setString(3, hubId);
                upsert.setInt(4, device.online() ? 1 : 0);
                upsert.setLong(5, device.lastSeen().toEpochMilli());
                if (device.skewMillis().isPresent()) {
                    upsert.setLong(6, device.skewMillis().get());
                } else {
                    upsert.setNull(6, Types.BIGINT);
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    @Override
    public void heartbeat(Connection connection, String storeId, String deviceId, Heartbeat heartbeat,
            Instant receivedAt) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO overview_devices (store_id, device_id, software_version, buffer_depth, heartbeat_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (store_id, device_id) DO UPDATE SET "
                        + "software_version = excluded.software_version, buffer_depth = excluded.buffer_depth, "
                        + "heartbeat_at = excluded.heartbeat_at WHERE overview_devices.heartbeat_at IS NULL "
                        + "OR excluded.heartbeat_at >= overview_devices.heartbeat_at")) {
            upsert.setString(1, storeId);
            upsert.setString(2, deviceId);
            upsert.setString(3, heartbeat.softwareVersion());
            upsert.setLong(4, heartbeat.bufferDepth());
            upsert.setLong(5, receivedAt.toEpochMilli());
            upsert.executeUpdate();
        }
    }
}
