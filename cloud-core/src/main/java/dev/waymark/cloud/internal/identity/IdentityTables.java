package dev.waymark.cloud.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the identity graph's tables ({@code V10__identity.sql}); statements run in the caller's transaction. */
final class IdentityTables {

    /** What resolution needs to know of a profile: its age and the namespaces it holds values in. */
    record ProfileFacts(String profileId, long createdAt, List<String> namespaces) {
    }

    /** A refused link, as recorded. */
    record Refusal(String cause, String keptApart, String profileId, String identifiers, String reason,
            Instant at) {
    }

    private IdentityTables() {
    }

    static Optional<String> profileOf(Connection c, Identifier identifier) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT profile_id FROM identities WHERE namespace = ? AND value = ?")) {
            select.setString(1, identifier.namespace());
            select.setString(2, identifier.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    static ProfileFacts facts(Connection c, String profileId) throws SQLException {
        long createdAt;
        try (PreparedStatement select = c.prepareStatement("SELECT created_at FROM profiles WHERE profile_id = ?")) {
            select.setString(1, profileId);
            try (ResultSet rows = select.executeQuery()) {
                createdAt = rows.next() ? rows.getLong(1) : Long.MAX_VALUE;
            }
        }
        List<String> namespaces = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT DISTINCT namespace FROM identities WHERE profile_id = ?")) {
            select.setString(1, profileId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    namespaces.add(rows.getString(1));
                }
            }
        }
        return new ProfileFacts(profileId, createdAt, namespaces);
    }

    /** The profile's values in {@code namespace}; for unique namespaces this is at most one. */
    static List<Identifier> identities(Connection c, String profileId, Optional<String> namespace)
            throws SQLException {
        String sql = "SELECT namespace, value FROM identities WHERE profile_id = ?"
                + (namespace.isPresent() ? " AND namespace = ?" : "") + " ORDER BY linked_at, namespace, value";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, profileId);
            if (namespace.isPresent()) {
                select.setString(2, namespace.get());
            }
            List<Identifier> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Identifier(rows.getString(1), rows.getString(2)));
                }
            }
            return found;
        }
    }

    static void createProfile(Connection c, String profileId, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO profiles (profile_id, created_at) VALUES (?, ?)")) {
            insert.setString(1, profileId);
            insert.setLong(2, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    static void link(Connection c, Identifier identifier, String profileId, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO identities (namespace, value, profile_id, linked_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, identifier.namespace());
            insert.setString(2, identifier.value());
            insert.setString(3, profileId);
            insert.setLong(4, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** Re-points {@code from}'s identities to {@code into}, marks {@code from} merged and records the merge. */
    static void merge(Connection c, String mergeId, String from, String into, String cause, Instant at)
            throws SQLException {
        update(c, "UPDATE identities SET profile_id = ? WHERE profile_id = ?", into, from);
        // Earlier merges into {@code from} now lead straight to {@code into}, so an old id needs one hop.
        update(c, "UPDATE profiles SET merged_into = ? WHERE merged_into = ?", into, from);
        update(c, "UPDATE profiles SET merged_into = ? WHERE profile_id = ?", into, from);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO profile_merges "
                + "(merge_id, from_profile, into_profile, cause, merged_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, mergeId);
            insert.setString(2, from);
            insert.setString(3, into);
            insert.setString(4, cause);
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    static void refuse(Connection c, Refusal refusal) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO refused_links "
                + "(cause, kept_apart, profile_id, identifiers, reason, refused_at) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (cause, kept_apart) DO NOTHING")) {
            insert.setString(1, refusal.cause());
            insert.setString(2, refusal.keptApart());
            insert.setString(3, refusal.profileId());
            insert.setString(4, refusal.identifiers());
            insert.setString(5, refusal.reason());
            insert.setLong(6, refusal.at().toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, String first, String second) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, first);
            update.setString(2, second);
            update.executeUpdate();
        }
    }
}
