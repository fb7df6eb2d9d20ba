package dev.waymark.cloud.internal.decision;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code decisions} table: records decisions with their explanations, finds and searches them. */
public final class DecisionLog {

    private static final String COLUMNS = "decision_id, profile_id, store_id, device_id, channel, placement, mode, "
            + "intent, made_at, control, status, chosen, would_be, explanation, capture_time, catalog_version";

    /** Records {@code row}; the id must be new. */
    public void record(Connection c, DecisionRow row) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO decisions (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.decisionId());
            insert.setString(2, row.profileId());
            insert.setString(3, row.storeId());
            insert.setString(4, row.deviceId().orElse(null));
            insert.setString(5, row.channel());
            insert.setString(6, row.placement());
            insert.setString(7, row.mode());
            insert.setString(8, row.intent().orElse(null));
            insert.setLong(9, row.madeAt().toEpochMilli());
            insert.setInt(10, row.controlGroup() ? 1 : 0);
            insert.setString(11, row.status());
            insert.setString(12, row.chosen().encode());
            insert.setString(13, row.wouldBe().encode());
            insert.setString(14, row.explanation().encode());
            if (row.captureTime().isPresent()) {
                insert.setLong(15, row.captureTime().get().toEpochMilli());
            } else {
                insert.setNull(15, Types.BIGINT);
            }
            insert.setLong(16, row.catalogVersion());
            insert.executeUpdate();
        }
    }

    /** The decision with this id. */
    public Optional<DecisionRow> find(Connection c, String decisionId) throws SQLException {
        List<DecisionRow> rows = query(c, "SELECT " + COLUMNS + " FROM decisions WHERE decision_id = ?",
                List.of(decisionId));
        return rows.stream().findFirst();
    }

    /** Decisions matching {@code filter}, newest first. */
    public List<DecisionRow> search(Connection c, DecisionFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decisions WHERE made_at >= ? "
                + "AND made_at < ?");
        List<Object> args = new ArrayList<>(List.of(filter.from().toEpochMilli(), filter.to().toEpochMilli()));
        filter.profileId().ifPresent(id -> {
            sql.append(" AND profile_id = ?");
            args.add(id);
        });
        filter.deviceId().ifPresent(id -> {
            sql.append(" AND device_id = ?");
            args.add(id);
        });
        if (!filter.stores().isEmpty()) {
            sql.append(" AND store_id IN (").append("?, ".repeat(filter.stores().size() - 1)).append("?)");
            args.addAll(filter.stores());
        }
        sql.append(" ORDER BY made_at DESC, decision_id DESC LIMIT ?");
        args.add(filter.limit());
        return query(c, sql.toString(), args);
    }

    /**
     * The profile's latest decisions with explanations, newest first: the profile API's "recent decisions"
     * section (shape of the identity part's {@code ProfileSection.load}).
     */
    public JsonArray recentDecisions(Connection c, String profileId, int limit) throws SQLException {
        JsonArray out = new JsonArray();
        for (DecisionRow row : query(c, "SELECT " + COLUMNS + " FROM decisions WHERE profile_id = ? "
                + "ORDER BY made_at DESC, decision_id DESC LIMIT ?", List.of(profileId, Math.max(1, limit)))) {
            out.add(row.toJson());
        }
        return out;
    }

    /** Re-points a merged profile's decisions and outcomes (an identity {@code MergeHook}). */
    public void merged(Connection c, String from, String into) throws SQLException {
        for (String table : List.of("decisions", "outcomes")) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE " + table + " SET profile_id = ? WHERE profile_id = ?")) {
                update.setString(1, into);
                update.setString(2, from);
                update.executeUpdate();
            }
        }
    }

    private static List<DecisionRow> query(Connection c, String sql, List<Object> args) throws SQLException {
        List<DecisionRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long capture = rs.getLong(15);
                    Optional<Instant> captureTime = rs.wasNull() ? Optional.empty()
                            : Optional.of(Instant.ofEpochMilli(capture));
                    rows.add(new DecisionRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            Optional.ofNullable(rs.getString(8)), Instant.ofEpochMilli(rs.getLong(9)),
                            rs.getInt(10) == 1, rs.getString(11), new JsonArray(rs.getString(12)),
                            new JsonArray(rs.getString(13)), new JsonObject(rs.getString(14)), captureTime,
                            rs.getLong(16)));
                }
            }
        }
        return rows;
    }
}
