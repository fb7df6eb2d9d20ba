package dev.waymark.cloud.internal.crm;

import dev.waymark.cloud.internal.identity.MergeHook;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The traits the CRM sets on a profile ({@code profile_traits}: tier, contract end date, household id ...), one
 * text value per name. On a merge the surviving profile keeps its own traits and takes the others it lacks.
 */
final class ProfileTraits implements MergeHook {

    /** Sets trait {@code name} of {@code profileId} to {@code value}. */
    void set(Connection c, String profileId, String name, String value, Instant at) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO profile_traits (profile_id, name, value, "
                + "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (profile_id, name) DO UPDATE SET "
                + "value = excluded.value, updated_at = excluded.updated_at")) {
            upsert.setString(1, profileId);
            upsert.setString(2, name);
            upsert.setString(3, value);
            upsert.setLong(4, at.toEpochMilli());
            upsert.executeUpdate();
        }
    }

    /** Removes trait {@code name} of {@code profileId}. */
    void remove(Connection c, String profileId, String name) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM profile_traits WHERE profile_id = ? AND name = ?")) {
            delete.setString(1, profileId);
            delete.setString(2, name);
            delete.executeUpdate();
        }
    }

    /** The profile's traits, {@code {name: value}} (the profile API's {@code traits} section). */
    JsonObject of(Connection c, String profileId) throws SQLException {
        JsonObject traits = new JsonObject();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT name, value FROM profile_traits WHERE profile_id = ? ORDER BY name")) {
            select.setString(1, profileId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    traits.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return traits;
    }

    @Override
    public void merged(Connection c, String from, String into) throws SQLException {
        try (PreparedStatement move = c.prepareStatement("UPDATE profile_traits SET profile_id = ? "
                + "WHERE profile_id = ? AND name NOT IN (SELECT name FROM profile_traits WHERE profile_id = ?)");
                PreparedStatement drop = c.prepareStatement("DELETE FROM profile_traits WHERE profile_id = ?")) {
            move.setString(1, into);
            move.setString(2, from);
            move.setString(3, into);
            move.executeUpdate();
            drop.setString(1, from);
            drop.executeUpdate();
        }
    }
}
