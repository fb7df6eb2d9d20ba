package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.http.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the store and device overview. A hub whose last report is older than {@code staleAfter} is {@code stale},
 * and the presence its devices last had is then {@code unknown}, as is that of a device no hub reported yet.
 */
public final class StoreOverview {

    private final Duration staleAfter;

    /** An overview where hubs go stale after {@code staleAfter} without a report. */
    public StoreOverview(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    /** Every store {@code caller} may see: {@code [{store, link, hubs: [...], kiosks: {online, offline, unknown}}]}. */
    public JsonArray stores(Connection connection, Caller caller, Instant now) throws SQLException {
        long freshSince = now.minus(staleAfter).toEpochMilli();
        Map<String, JsonObject> stores = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT store_id, hub_id, link_up, buffer_depth, last_report FROM overview_hubs "
                        + "ORDER BY store_id, hub_id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (caller.mayAccessStore(rs.getString(1))) {
                    JsonObject store = stores.computeIfAbsent(rs.getString(1), StoreOverview::emptyStore);
                    store.getJsonArray("hubs").add(new JsonObject().put("hubId", rs.getString(2))
                            .put("link", link(rs.getInt(3) == 1, rs.getLong(5), freshSince))
                            .put("bufferDepth", rs.getLong(4))
                            .put("lastReport", Instant.ofEpochMilli(rs.getLong(5)).toString()));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT d.store_id, "
                + "SUM(CASE WHEN d.online = 1 AND h.last_report >= ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN d.online = 0 AND h.last_report >= ? THEN 1 ELSE 0 END), COUNT(*) "
                + "FROM overview_devices d LEFT JOIN overview_hubs h "
                + "ON h.store_id = d.store_id AND h.hub_id = d.hub_id GROUP BY d.store_id")) {
            select.setLong(1, freshSince);
            select.setLong(2, freshSince);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (caller.mayAccessStore(rs.getString(1))) {
                        long online = rs.getLong(2);
                        long offline = rs.getLong(3);
                        stores.computeIfAbsent(rs.getString(1), StoreOverview::emptyStore).put("kiosks",
                                new JsonObject().put("online", online).put("offline", offline)
                                        .put("unknown", rs.getLong(4) - online - offline));
                    }
                }
            }
        }
        JsonArray result = new JsonArray();
        stores.values().forEach(store -> result.add(store.put("link", storeLink(store.getJsonArray("hubs")))));
        return result;
    }

    /** The devices of {@code storeId}, or empty when no hub or device of that store was ever heard of. */
    public Optional<JsonArray> devices(Connection connection, String storeId, Instant now) throws SQLException {
        long freshSince = now.minus(staleAfter).toEpochMilli();
        JsonArray devices = new JsonArray();
        try (PreparedStatement select = connection.prepareStatement("SELECT d.device_id, d.hub_id, d.online, "
                + "d.last_seen, d.skew_millis, d.software_version, d.buffer_depth, d.heartbeat_at, h.last_report "
                + "FROM overview_devices d LEFT JOIN overview_hubs h ON h.store_id = d.store_id "
                + "AND h.hub_id = d.hub_id WHERE d.store_id = ? ORDER BY d.device_id")) {
            select.setString(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    devices.add(new DeviceRow(rs).toJson(freshSince));
                }
            }
        }
        return devices.isEmpty() && !hasHub(connection, storeId) ? Optional.empty() : Optional.of(devices);
    }

    private static boolean hasHub(Connection connection, String storeId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM overview_hubs WHERE store_id = ?")) {
            select.setString(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static JsonObject emptyStore(String storeId) {
        return new JsonObject().put("store", storeId).put("hubs", new JsonArray())
                .put("kiosks", new JsonObject().put("online", 0).put("offline", 0).put("unknown", 0));
    }

    static String link(boolean up, long lastReport, long freshSince) {
        return lastReport < freshSince ? "stale" : up ? "up" : "down";
    }

    /** up when a fresh hub's link is up, down when fresh hubs are all down, stale when all are stale. */
    private static String storeLink(JsonArray hubs) {
        if (hubs.isEmpty()) {
            return "unknown";
        }
        boolean anyDown = false;
        for (int i = 0; i < hubs.size(); i++) {
            String link = hubs.getJsonObject(i).getString("link");
            if ("up".equals(link)) {
                return "up";
            }
            anyDown |= "down".equals(link);
        }
        return anyDown ? "down" : "stale";
    }
}
