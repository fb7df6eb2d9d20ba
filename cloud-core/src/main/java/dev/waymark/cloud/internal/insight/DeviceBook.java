package dev.waymark.cloud.internal.insight;

import dev.waymark.protocol.event.Heartbeat;
import dev.waymark.protocol.event.HubReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The store and device overview, built from what hubs and devices report upstream (shared subscriptions get no
 * retained status, so hub reports and heartbeats are the source).
 */
public interface DeviceBook {

    /** A hub's {@code wm.hub.report}, received at {@code receivedAt} on the cloud's clock. */
    void hubReport(Connection connection, String storeId, String hubId, HubReport report, Instant receivedAt)
            throws SQLException;

    /** A device's {@code wm.device.heartbeat}. */
    void heartbeat(Connection connection, String storeId, String deviceId, Heartbeat heartbeat, Instant receivedAt)
            throws SQLException;
}
