package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.insight.KpiFilter.Clause;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a KPI report from the {@code kpi_*} tables. The unit of conversion is the decision: it converted when its
 * profile made a purchase (anywhere) within the attribution window after it. Decisions, outcomes and journeys are
 * selected by their own time in the period: decision time on the cloud's clock, outcome and journey time as
 * recorded. Journeys are not per action, so the action filter does not narrow them.
 */
public final class KpiReader {

    private static final String CONVERTED = "SUM(CASE WHEN EXISTS (SELECT 1 FROM kpi_purchases p "
            + "WHERE p.profile_id = %1$s.profile_id AND p.at >= %1$s.decided_at AND p.at <= %1$s.decided_at + ?) "
            + "THEN 1 ELSE 0 END)";

    private final Duration attributionWindow;
    private final int minArmSize;

    /** A reader with the attribution window and the minimum arm size for an uplift interval. */
    public KpiReader(Duration attributionWindow, int minArmSize) {
        this.attributionWindow = attributionWindow;
        this.minArmSize = minArmSize;
    }

    /** The report for {@code filter}; blocking, run it in {@code Store.read}. */
    public JsonObject read(Connection connection, KpiFilter filter) throws SQLException {
        Tally overall = new Tally();
        Map<String, Tally> actions = new TreeMap<>();
        Map<String, Tally> stores = new TreeMap<>();
        readActionArms(connection, filter, actions);
        readDecisionArms(connection, filter, overall, stores);
        readOutcomes(connection, filter, overall, actions, stores);
        readLatencies(connection, filter, overall, actions, stores);
        JsonObject byAction = new JsonObject();
        actions.forEach((id, tally) -> byAction.put(id, tally.toJson(minArmSize)));
        JsonObject byStore = new JsonObject();
        stores.forEach((id, tally) -> byStore.put(id, tally.toJson(minArmSize)));
        JsonObject whole = overall.toJson(minArmSize);
        return new JsonObject()
                .put("period", new JsonObject().put("from", filter.from().toString()).put("to", filter.to().toString()))
                .put("store", filter.store().orElse(null)).put("action", filter.action().orElse(null))
                .put("attributionWindow", attributionWindow.toString())
                .put("overall", whole).put("actions", byAction).put("stores", byStore)
                .put("latency", whole.getJsonObject("latency"))
                .put("journeys", new JourneyReader().read(connection, filter));
    }

    private void readActionArms(Connection connection, KpiFilter filter, Map<String, Tally> actions)
            throws SQLException {
        Clause where = filter.where("a.decided_at", "a.store_id", "a.action_id");
        String sql = "SELECT a.action_id, a.arm, COUNT(*), " + CONVERTED.formatted("a")
                + " FROM kpi_decision_actions a WHERE " + where.sql() + " GROUP BY a.action_id, a.arm";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, attributionWindow.toMillis());
            where.bind(select, 2);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    actions.computeIfAbsent(rs.getString(1), k -> new Tally())
                            .arm(rs.getString(2), rs.getLong(3), rs.getLong(4));
                }
            }
        }
    }

    /** Overall and per store, each decision counts once however many actions it chose. */
    private void readDecisionArms(Connection connection, KpiFilter filter, Tally overall, Map<String, Tally> stores)
            throws SQLException {
        Clause where = filter.where("d.decided_at", "d.store_id", null);
        String sql = "SELECT d.store_id, d.arm, COUNT(*), " + CONVERTED.formatted("d")
                + " FROM kpi_decisions d WHERE " + where.sql() + " AND d.arm <> 'none'"
                + (filter.action().isPresent() ? " AND EXISTS (SELECT 1 FROM kpi_decision_actions a "
                        + "WHERE a.decision_id = d.decision_id AND a.action_id = ?)" : "")
                + " GROUP BY d.store_id, d.arm";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, attributionWindow.toMillis());
            int next = where.bind(select, 2);
            if (filter.action().isPresent()) {
                select.setString(next, filter.action().get());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    overall.arm(rs.getString(2), rs.getLong(3), rs.getLong(4));
                    stores.computeIfAbsent(rs.getString(1), k -> new Tally())
                            .arm(rs.getString(2), rs.getLong(3), rs.getLong(4));
                }
            }
        }
    }

    private static void readOutcomes(Connection connection, KpiFilter filter, Tally overall,
            Map<String, Tally> actions, Map<String, Tally> stores) throws SQLException {
        Clause where = filter.where("o.at", "o.store_id", "o.action_id");
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT o.store_id, o.action_id, o.kind, COUNT(*) FROM kpi_outcomes o WHERE " + where.sql()
                        + " GROUP BY o.store_id, o.action_id, o.kind")) {
            where.bind(select, 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(3);
                    long count = rs.getLong(4);
                    overall.outcome(kind, count);
                    actions.computeIfAbsent(rs.getString(2), k -> new Tally()).outcome(kind, count);
                    stores.computeIfAbsent(rs.getString(1), k -> new Tally()).outcome(kind, count);
                }
            }
        }
    }

    /** Impression time minus the trigger's capture time, both on the kiosk's clock; negative ones are skipped. */
    private static void readLatencies(Connection connection, KpiFilter filter, Tally overall,
            Map<String, Tally> actions, Map<String, Tally> stores) throws SQLException {
        Clause where = filter.where("o.at", "o.store_id", "o.action_id");
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT o.store_id, o.action_id, o.at - d.capture_at FROM kpi_outcomes o "
                        + "JOIN kpi_decisions d ON d.decision_id = o.decision_id WHERE o.kind = 'impression' "
                        + "AND d.capture_at IS NOT NULL AND o.at >= d.capture_at AND " + where.sql())) {
            where.bind(select, 1);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long millis = rs.getLong(3);
                    overall.latency(millis);
                    actions.computeIfAbsent(rs.getString(2), k -> new Tally()).latency(millis);
                    stores.computeIfAbsent(rs.getString(1), k -> new Tally()).latency(millis);
                }
            }
        }
    }
}
