package dev.waymark.cloud.internal.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code sessions} table (V20__accounts.sql), keyed by the SHA-256 of the session id. */
final class SessionTable {

    private SessionTable() {
    }

    static void insert(Connection c, String idHash, String user, String csrfToken, long now, long expiresAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sessions (id_hash, user_name, csrf_token, "
                + "created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, idHash);
            s.setString(2, user);
            s.setString(3, csrfToken);
            s.setLong(4, now);
            s.setLong(5, expiresAt);
            s.executeUpdate();
        }
    }

    /** The live session of an enabled user with that id hash, if any. */
    static Optional<Session> findLive(Connection c, String idHash, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + UserTable.COLUMNS
                + ", s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.name = s.user_name "
                + "WHERE s.id_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL")) {
            s.setString(1, idHash);
            s.setLong(2, now);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Session(UserTable.user(rs), rs.getString(6), rs.getLong(7)))
                        : Optional.empty();
            }
        }
    }

    static void slide(Connection c, String idHash, long expiresAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE sessions SET expires_at = ? WHERE id_hash = ? AND expires_at < ?")) {
            s.setLong(1, expiresAt);
            s.setString(2, idHash);
            s.setLong(3, expiresAt);
            s.executeUpdate();
        }
    }

    static void delete(Connection c, String idHash) throws SQLException {
        deleteWhere(c, "id_hash = ?", idHash);
    }

    static void deleteForUser(Connection c, String user) throws SQLException {
        deleteWhere(c, "user_name = ?", user);
    }

    static void deleteExpired(Connection c, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
            s.setLong(1, now);
            s.executeUpdate();
        }
    }

    private static void deleteWhere(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE " + where)) {
            s.setString(1, value);
            s.executeUpdate();
        }
    }
}
