package dev.waymark.cloud.internal.subject;

import dev.waymark.cloud.internal.profile.ProfileDocument;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything held for one person, as one JSON document: the profile document (identities, merges, refused
 * links, consents with their history, journey, every decision with its explanation, event counts), then the
 * merged profiles, contact history, outcomes, edge claims, purchases and the events not yet processed.
 */
final class SubjectExport {

    private final ProfileDocument profile;

    /** An export embedding {@code profile}, which should carry every decision rather than the recent ones. */
    SubjectExport(ProfileDocument profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    JsonObject load(Connection c, MergeFamily family, Instant now) throws SQLException {
        List<String> ids = family.profileIds();
        return new JsonObject().put("exportedAt", now.toString())
                .put("profile", profile.load(c, family.survivor()))
                .put("profiles", rows(c, "SELECT profile_id, created_at, merged_into FROM profiles "
                        + "WHERE profile_id IN {in} ORDER BY created_at, profile_id", ids))
                .put("contacts", rows(c, "SELECT profile_id, action_id, channel, category, at, decision_id "
                        + "FROM contacts WHERE profile_id IN {in} ORDER BY at, decision_id", ids))
                .put("outcomes", rows(c, "SELECT profile_id, decision_id, action_id, kind, at, value "
                        + "FROM outcomes WHERE profile_id IN {in} ORDER BY at, decision_id", ids))
                .put("edgeClaims", rows(c, "SELECT profile_id, decision_id, action_id, store_id, device_id, "
                        + "placement, shown_at, until_at FROM edge_claims WHERE profile_id IN {in} "
                        + "ORDER BY shown_at, decision_id", ids))
                .put("purchases", rows(c, "SELECT profile_id, store_id, at, value FROM kpi_purchases "
                        + "WHERE profile_id IN {in} ORDER BY at", ids))
                .put("pendingEvents", LoggedEvents.export(c, family));
    }

    /** Rows as objects keyed by column name in camel case; epoch-millisecond columns ({@code *_at}, at) as ISO. */
    private static JsonArray rows(Connection c, String sql, List<String> ids) throws SQLException {
        JsonArray out = new JsonArray();
        try (PreparedStatement select = FamilySql.prepare(c, sql, ids); ResultSet rows = select.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                JsonObject row = new JsonObject();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    Object value = rows.getObject(i);
                    if (value != null && (column.equals("at") || column.endsWith("_at"))
                            && meta.getColumnType(i) != Types.VARCHAR) {
                        value = Instant.ofEpochMilli(rows.getLong(i)).toString();
                    } else if (value instanceof Number number) {
                        value = number.longValue();
                    } else if (value != null) {
                        value = value.toString();
                    }
                    row.put(camel(column), value);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }
}
