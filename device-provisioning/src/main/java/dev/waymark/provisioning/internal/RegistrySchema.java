package dev.waymark.provisioning.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The device registry's schema in its two dialects; instants are epoch milliseconds, serials lower-case hex. SQLite
 * keeps the table names a {@code registry.db} has always had; PostgreSQL shares the cloud store's database, so its
 * tables are prefixed {@code registry_} (the store's migrations own {@code devices}-like names there).
 */
public enum RegistrySchema {

    /** A SQLite file of its own, in WAL mode. */
    SQLITE("", "INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER"),
    /** Tables in the cloud store's PostgreSQL database, shared by every replica. */
    POSTGRESQL("registry_", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT");

    /** Any constant the store's own code does not use: serialises the first start of replicas starting together. */
    private static final long DDL_LOCK = 0x7761796d61726bL;

    private final String prefix;
    private final String sequence;
    private final String millis;

    RegistrySchema(String prefix, String sequence, String millis) {
        this.prefix = prefix;
        this.sequence = sequence;
        this.millis = millis;
    }

    /** The dialect of a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL; IllegalArgumentException otherwise. */
    public static RegistrySchema of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("jdbcUrl: must be jdbc:sqlite:... or jdbc:postgresql:...");
    }

    /** The name of table {@code name} (devices, tokens, revocations, audit) in this dialect. */
    public String table(String name) {
        return prefix + name;
    }

    /**
     * The statement that, run first in a transaction, makes revocations commit in sequence order. An identity value
     * is taken at INSERT but seen at COMMIT: without the lock a follower that has read entry 6 could miss a 5 that
     * commits later. SQLite has one writer, so it needs none.
     */
    public String feedLock() {
        return this == POSTGRESQL ? "LOCK TABLE " + table("revocations") + " IN EXCLUSIVE MODE" : "SELECT 1";
    }

    /** Connection properties; the URL's own parameters take precedence. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        if (this == POSTGRESQL) {
            properties.setProperty("ApplicationName", "waymark-registry");
            // A server gone without a FIN (a lost machine) is eventually noticed rather than waited on for ever.
            properties.setProperty("tcpKeepAlive", "true");
        }
        return properties;
    }

    /** Creates the tables if missing (and, for SQLite, sets the connection's pragmas). */
    public void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (this == SQLITE) {
                statement.execute("PRAGMA journal_mode=WAL");
                // WAL with synchronous=NORMAL is durable across process crashes; a power cut can lose the last commit.
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA busy_timeout=5000");
                createTables(statement);
                return;
            }
            connection.setAutoCommit(false);
            try {
                // Two replicas racing through CREATE TABLE IF NOT EXISTS can both miss the table and one fails.
                statement.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
                createTables(statement);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void createTables(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("devices") + " ("
                + "id TEXT PRIMARY KEY, store_id TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL,"
                + " cert_serial TEXT, cert_expiry " + millis + ", last_seen " + millis + ", software_version TEXT)");
        statement.execute("CREATE INDEX IF NOT EXISTS " + table("devices_by_store") + " ON " + table("devices")
                + "(store_id, id)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("tokens") + " ("
                + "hash TEXT PRIMARY KEY, store_id TEXT NOT NULL, role TEXT NOT NULL, device_id TEXT,"
                + " created_by TEXT NOT NULL, created_at " + millis + " NOT NULL, expires_at " + millis + " NOT NULL,"
                + " used_at " + millis + ")");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("revocations") + " ("
                + "seq " + sequence + ", device_id TEXT NOT NULL, store_id TEXT NOT NULL,"
                + " serial TEXT NOT NULL, revoked_at " + millis + " NOT NULL, reason TEXT NOT NULL)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("audit") + " ("
                + "seq " + sequence + ", at " + millis + " NOT NULL, actor TEXT NOT NULL,"
                + " action TEXT NOT NULL, subject TEXT NOT NULL, outcome TEXT NOT NULL)");
    }
}
