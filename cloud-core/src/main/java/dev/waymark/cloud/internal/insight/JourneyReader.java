package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.insight.KpiFilter.Clause;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Journey completion per journey type: {@code {type: {"started", "completed", "rate"}}}, rate = completed/started. */
final class JourneyReader {

    JsonObject read(Connection connection, KpiFilter filter) throws SQLException {
        Clause where = filter.where("at", "store_id", null);
        Map<String, long[]> counts = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT journey_type, completed, COUNT(*) FROM kpi_journeys WHERE " + where.sql()
                        + " GROUP BY journey_type, completed")) {
            where.bind(select, 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[2])[rs.getInt(2) == 1 ? 1 : 0] =
                            rs.getLong(3);
                }
            }
        }
        JsonObject journeys = new JsonObject();
        counts.forEach((type, c) -> journeys.put(type, new JsonObject().put("started", c[0]).put("completed", c[1])
                .put("rate", c[0] == 0 ? null : (double) c[1] / c[0])));
        return journeys;
    }
}
