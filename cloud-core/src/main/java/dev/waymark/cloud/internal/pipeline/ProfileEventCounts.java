package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.identity.MergeHook;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many events the pipeline applied to each profile, by type: counted in the pipeline's transaction after the
 * dedup by {@code source}+{@code id}, so a redelivered event never counts twice. Shown as the profile API's
 * {@code events} section; merges add the merged profile's counts to the survivor's.
 */
public final class ProfileEventCounts implements MergeHook {

    /** Counts one event of {@code type} for {@code profileId}. */
    static void count(Connection c, String profileId, String type) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO profile_event_counts (profile_id, "
                + "event_type, events) VALUES (?, ?, 1) ON CONFLICT (profile_id, event_type) "
                + "DO UPDATE SET events = profile_event_counts.events + 1")) {
            upsert.setString(1, profileId);
            upsert.setString(2, type);
            upsert.executeUpdate();
        }
    }

    /** The profile API's {@code events} section: {@code {"total": n, "byType": {type: n, ...}}}, types sorted. */
    public static JsonObject section(Connection c, String profileId) throws SQLException {
        JsonObject byType = new JsonObject();
        long total = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT event_type, events FROM profile_event_counts "
                + "WHERE profile_id = ? ORDER BY event_type")) {
            select.setString(1, profileId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byType.put(rs.getString(1), rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
        }
        return new JsonObject().put("total", total).put("byType", byType);
    }

    /**
     * Moves {@code from}'s counts onto {@code into}. The delete comes first and returns what it removed: on
     * PostgreSQL it waits for a count of {@code from} that another replica has not committed yet and removes (and
     * moves) the committed total, where copying first would read the older total and then delete the newer one.
     */
    @Override
    public void merged(Connection c, String from, String into) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM profile_event_counts WHERE profile_id = ? "
                + "RETURNING event_type, events");
             PreparedStatement add = c.prepareStatement("INSERT INTO profile_event_counts (profile_id, event_type, "
                + "events) VALUES (?, ?, ?) ON CONFLICT (profile_id, event_type) DO UPDATE SET "
                + "events = profile_event_counts.events + excluded.events")) {
            delete.setString(1, from);
            try (ResultSet removed = delete.executeQuery()) {
                while (removed.next()) {
                    add.setString(1, into);
                    add.setString(2, removed.getString(1));
                    add.setLong(3, removed.getLong(2));
                    add.addBatch();
                }
            }
            add.executeBatch();
        }
    }
}
