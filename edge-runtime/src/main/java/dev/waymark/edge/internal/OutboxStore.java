package dev.waymark.edge.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent's SQLite database: the outbox, a small key-value table (next sequence, counters, the decision bundle)
 * and the contact history of offline decisions. One instance is the single writer; {@link #openReader(Path)} gives
 * the uplink its own read connection (WAL lets it read while the writer commits).
 *
 * <p>Durability: WAL with {@code synchronous=FULL}, so a commit is on disk (the WAL is fsynced) before the capture
 * is acknowledged; docs/edge.md says what that costs and what a power cut can lose.
 */
final class OutboxStore implements AutoCloseable {

    static final String[] PRAGMAS = {
        "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000"
    };
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL,
                priority INTEGER NOT NULL, bytes INTEGER NOT NULL, body BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_by_priority ON outbox (priority, seq);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS contacts (action_id TEXT NOT NULL, channel TEXT NOT NULL,
                category TEXT NOT NULL, at_ms INTEGER NOT NULL);
            """;

    private final Connection connection;
    private final PreparedStatement insert;

    private OutboxStore(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(
                "INSERT INTO outbox (seq, id, type, priority, bytes, body) VALUES (?, ?, ?, ?, ?, ?)");
    }

    /** Opens (creating if needed) the database for writing; throws SQLException when it cannot. */
    static OutboxStore open(Path file) throws SQLException {
        Connection connection = connect(file);
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        connection.setAutoCommit(false);
        return new OutboxStore(connection);
    }

    /** A read connection to the same file, for the uplink. */
    static Connection openReader(Path file) throws SQLException {
        return connect(file);
    }

    private static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            for (String pragma : PRAGMAS) {
                statement.execute(pragma);
            }
        }
        return connection;
    }

    void insert(OutboxRow row) throws SQLException {
        insert.setLong(1, row.sequence());
        insert.setString(2, row.id());
        insert.setString(3, row.type());
        insert.setInt(4, row.priority().ordinal());
        insert.setInt(5, row.body().length);
        insert.setBytes(6, row.body());
        insert.executeUpdate();
    }

    /** Deletes rows {@code from..to} inclusive; returns the bytes freed. */
    long delete(long from, long to) throws SQLException {
        long bytes = single("SELECT COALESCE(SUM(bytes), 0) FROM outbox WHERE seq BETWEEN ? AND ?", from, to);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE seq BETWEEN ? AND ?")) {
            delete.setLong(1, from);
            delete.setLong(2, to);
            delete.executeUpdate();
        }
        return bytes;
    }

    /** The oldest rows of the lowest droppable priority, as (seq, bytes) pairs, at most {@code limit}. */
    List<long[]> droppable(int limit) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, bytes FROM outbox WHERE priority < ? ORDER BY priority, seq LIMIT ?")) {
            select.setInt(1, Priority.KEEP.ordinal());
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return out;
    }

    long totalBytes() throws SQLException {
        return single("SELECT COALESCE(SUM(bytes), 0) FROM outbox");
    }

    long count() throws SQLException {
        return single("SELECT COUNT(*) FROM outbox");
    }

    long maxSequence() throws SQLException {
        return single("SELECT COALESCE(MAX(seq), -1) FROM outbox");
    }

    Optional<String> meta(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void putMeta(String key, String value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }

    void addContact(String actionId, String channel, String category, long atMillis) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(
                "INSERT INTO contacts (action_id, channel, category, at_ms) VALUES (?, ?, ?, ?)")) {
            add.setString(1, actionId);
            add.setString(2, channel);
            add.setString(3, category);
            add.setLong(4, atMillis);
            add.executeUpdate();
        }
    }

    /** Contacts at or after {@code sinceMillis}, oldest first, as (actionId, channel, category, atMillis). */
    List<String[]> contactsSince(long sinceMillis) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT action_id, channel, category, at_ms FROM contacts WHERE at_ms >= ? ORDER BY at_ms")) {
            select.setLong(1, sinceMillis);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        Long.toString(rs.getLong(4))});
                }
            }
        }
        return out;
    }

    void commit() throws SQLException {
        connection.commit();
    }

    void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The transaction failed already; the caller reports that failure, not this one.
        }
    }

    private long single(String sql, long... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        connection.close();
    }
}
