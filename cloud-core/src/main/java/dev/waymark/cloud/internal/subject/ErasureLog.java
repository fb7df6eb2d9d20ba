package dev.waymark.cloud.internal.subject;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The audit of erasures (table {@code erasures}) as the privacy officer reads it: newest first. */
final class ErasureLog {

    private ErasureLog() {
    }

    /** The latest {@code limit} erasures, each in the shape of the erasure's answer (without the checkpoint). */
    static JsonArray latest(Connection c, int limit) throws SQLException {
        JsonArray erasures = new JsonArray();
        try (PreparedStatement select = c.prepareStatement("SELECT erasure_id, erased_at, erased_by, profiles, "
                + "blocked, crm_notices, removed, anonymised FROM erasures ORDER BY erased_at DESC, erasure_id DESC "
                + "LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    erasures.add(new JsonObject().put("erasureId", rows.getString(1))
                            .put("erasedAt", Instant.ofEpochMilli(rows.getLong(2)).toString())
                            .put("erasedBy", rows.getString(3)).put("profiles", rows.getInt(4))
                            .put("removed", new JsonObject(rows.getString(7)))
                            .put("anonymised", new JsonObject(rows.getString(8)))
                            .put("blockedIdentifiers", rows.getInt(5)).put("crmNotices", rows.getInt(6)));
                }
            }
        }
        return erasures;
    }
}
