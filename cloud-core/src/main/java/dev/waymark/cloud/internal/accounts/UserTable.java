package dev.waymark.cloud.internal.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code users} table (V20__accounts.sql); plain JDBC, run through the Store. */
final class UserTable {

    /** A user with what only sign-in needs to see. */
    record Row(User user, String passwordHash, int failedAttempts, long lockedUntil) {
    }

    static final String COLUMNS = "u.name, u.role, u.stores, u.created_at, u.disabled_at";

    private UserTable() {
    }

    static boolean insert(Connection c, String name, String hash, Role role, Set<String> stores, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO users (name, password_hash, role, stores, "
                + "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, name);
            s.setString(2, hash);
            s.setString(3, role.name());
            s.setString(4, CommaList.join(stores));
            s.setLong(5, now);
            return s.executeUpdate() == 1;
        }
    }

    static Optional<Row> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + ", u.password_hash, u.failed_attempts, u.locked_until FROM users u WHERE u.name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Row(user(rs), rs.getString(6), rs.getInt(7), rs.getLong(8)))
                        : Optional.empty();
            }
        }
    }

    static List<User> list(Connection c) throws SQLException {
        List<User> users = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users u ORDER BY u.name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                users.add(user(rs));
            }
        }
        return users;
    }

    static long count(Connection c, boolean enabledAdminsOnly) throws SQLException {
        String where = enabledAdminsOnly ? " WHERE role = 'ADMIN' AND disabled_at IS NULL" : "";
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM users" + where);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Counts a failed sign-in; at {@code limit} failures the user is locked until {@code lockedUntil}. */
    static void recordFailure(Connection c, String name, int limit, long lockedUntil) throws SQLException {
        update(c, "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE name = ?", name);
        try (PreparedStatement s = c.prepareStatement("UPDATE users SET failed_attempts = 0, locked_until = ? "
                + "WHERE name = ? AND failed_attempts >= ?")) {
            s.setLong(1, lockedUntil);
            s.setString(2, name);
            s.setInt(3, limit);
            s.executeUpdate();
        }
    }

    static void clearFailures(Connection c, String name) throws SQLException {
        update(c, "UPDATE users SET failed_attempts = 0, locked_until = 0 WHERE name = ?", name);
    }

    static void setDisabled(Connection c, String name, Long disabledAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE users SET disabled_at = ?, failed_attempts = 0, "
                + "locked_until = 0 WHERE name = ?")) {
            if (disabledAt == null) {
                s.setNull(1, Types.BIGINT);
            } else {
                s.setLong(1, disabledAt);
            }
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    static void setRole(Connection c, String name, Role role, Set<String> stores) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE users SET role = ?, stores = ? WHERE name = ?")) {
            s.setString(1, role.name());
            s.setString(2, CommaList.join(stores));
            s.setString(3, name);
            s.executeUpdate();
        }
    }

    static void setPassword(Connection c, String name, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE users SET password_hash = ? WHERE name = ?")) {
            s.setString(1, hash);
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    /** The user in the current row, whose first five columns are {@link #COLUMNS}. */
    static User user(ResultSet rs) throws SQLException {
        long disabledAt = rs.getLong(5);
        Optional<Long> disabled = rs.wasNull() ? Optional.empty() : Optional.of(disabledAt);
        return new User(rs.getString(1), Role.valueOf(rs.getString(2)), CommaList.split(rs.getString(3)),
                rs.getLong(4), disabled);
    }

    private static void update(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }
}
