package dev.waymark.cloud.internal.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the identity graph for the profile API: finds a profile by an identifier (or by its id, through the
 * pseudo-namespace {@value #PROFILE_NAMESPACE}, following merges), and lists its identities, the profiles merged
 * into it and the links refused with it.
 */
public final class ProfileDirectory {

    /** Looks a profile up by its id; a merged profile's id leads to its survivor. */
    public static final String PROFILE_NAMESPACE = "profile";

    private ProfileDirectory() {
    }

    /** The live profile {@code identifier} belongs to, if any. */
    public static Optional<String> find(Connection c, Identifier identifier) throws SQLException {
        if (!identifier.namespace().equals(PROFILE_NAMESPACE)) {
            return IdentityTables.profileOf(c, identifier);
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT profile_id, merged_into FROM profiles WHERE profile_id = ?")) {
            select.setString(1, identifier.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String mergedInto = rows.getString(2);
                return Optional.of(mergedInto != null ? mergedInto : rows.getString(1));
            }
        }
    }

    /**
     * The profile of the first of {@code identifiers} that is known, or null when none is (the decision API's
     * {@code ProfileLookup}: it only reads and never creates a profile).
     */
    public static String profileIdFor(Connection c, List<Identifier> identifiers) throws SQLException {
        for (Identifier identifier : identifiers) {
            Optional<String> found = find(c, identifier);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    /**
     * The profile of the kiosk session that was open on a device at {@code at}: of that device's
     * {@code kiosk_session} identities ({@code store/device/session}), the one first seen latest, at or before
     * {@code at} (both times on the kiosk's clock). Empty when the device has no session that early.
     */
    public static Optional<String> kioskSessionAt(Connection c, String storeId, String deviceId, Instant at)
            throws SQLException {
        // A range on the primary key (namespace, value) rather than LIKE, which SQLite would not serve from it:
        // '0' follows '/' in ASCII, so [prefix, prefix without its '/' + '0') holds exactly the device's sessions.
        String prefix = storeId + "/" + deviceId + "/";
        try (PreparedStatement select = c.prepareStatement("SELECT profile_id FROM identities WHERE namespace = ? "
                + "AND value >= ? AND value < ? AND linked_at <= ? ORDER BY linked_at DESC LIMIT 1")) {
            select.setString(1, "kiosk_session");
            select.setString(2, prefix);
            select.setString(3, storeId + "/" + deviceId + "0");
            select.setLong(4, at.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The profile's identities, {@code [{namespace, value}]}, oldest link first. */
    public static JsonArray identities(Connection c, String profileId) throws SQLException {
        JsonArray identities = new JsonArray();
        for (Identifier identifier : IdentityTables.identities(c, profileId, Optional.empty())) {
            identities.add(new JsonObject().put("namespace", identifier.namespace()).put("value", identifier.value()));
        }
        return identities;
    }

    /**
     * The merges into the profile, also those into profiles merged into it later, {@code [{from, into, cause, at}]},
     * oldest first.
     */
    public static JsonArray mergedFrom(Connection c, String profileId) throws SQLException {
        JsonArray merges = new JsonArray();
        try (PreparedStatement select = c.prepareStatement("SELECT from_profile, into_profile, cause, "
                + "merged_at FROM profile_merges WHERE into_profile = ? OR into_profile IN "
                + "(SELECT profile_id FROM profiles WHERE merged_into = ?) ORDER BY merged_at, merge_id")) {
            select.setString(1, profileId);
            select.setString(2, profileId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    merges.add(new JsonObject().put("from", rows.getString(1)).put("into", rows.getString(2))
                            .put("cause", rows.getString(3))
                            .put("at", Instant.ofEpochMilli(rows.getLong(4)).toString()));
                }
            }
        }
        return merges;
    }

    /** Links refused with or for the profile, {@code [{profileId, keptApart, identifiers, reason, cause, at}]}. */
    public static JsonArray refusedLinks(Connection c, String profileId) throws SQLException {
        JsonArray refused = new JsonArray();
        try (PreparedStatement select = c.prepareStatement("SELECT profile_id, kept_apart, identifiers, reason, "
                + "cause, refused_at FROM refused_links WHERE profile_id = ? OR kept_apart = ? "
                + "ORDER BY refused_at, cause")) {
            select.setString(1, profileId);
            select.setString(2, profileId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    refused.add(new JsonObject().put("profileId", rows.getString(1))
                            .put("keptApart", rows.getString(2)).put("identifiers", rows.getString(3))
                            .put("reason", rows.getString(4)).put("cause", rows.getString(5))
                            .put("at", Instant.ofEpochMilli(rows.getLong(6)).toString()));
                }
            }
        }
        return refused;
    }
}
