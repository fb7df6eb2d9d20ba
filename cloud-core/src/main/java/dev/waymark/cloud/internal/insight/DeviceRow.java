package dev.waymark.cloud.internal.insight;

import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of the device overview, as read by {@link StoreOverview#devices}. */
record DeviceRow(String deviceId, String hubId, Long online, Long lastSeen, Long skewMillis,
        String softwareVersion, Long bufferDepth, Long heartbeatAt, Long hubReport) {

    DeviceRow(ResultSet rs) throws SQLException {
        this(rs.getString(1), rs.getString(2), longOrNull(rs, 3), longOrNull(rs, 4), longOrNull(rs, 5),
                rs.getString(6), longOrNull(rs, 7), longOrNull(rs, 8), longOrNull(rs, 9));
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** {@code online}, {@code offline} or {@code unknown} (no report, or the reporting hub is stale). */
    String presence(long freshSince) {
        if (online == null || hubReport == null || hubReport < freshSince) {
            return "unknown";
        }
        return online == 1 ? "online" : "offline";
    }

    JsonObject toJson(long freshSince) {
        return new JsonObject().put("deviceId", deviceId).put("hubId", hubId).put("presence", presence(freshSince))
                .put("lastSeen", time(lastSeen)).put("skewMillis", skewMillis)
                .put("softwareVersion", softwareVersion).put("bufferDepth", bufferDepth)
                .put("lastHeartbeat", time(heartbeatAt));
    }

    private static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
