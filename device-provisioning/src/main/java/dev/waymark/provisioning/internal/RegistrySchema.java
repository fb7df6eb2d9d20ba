package dev.waymark.provisioning.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The SQLite schema of the device registry; instants are epoch milliseconds, serials lower-case hex. */
public final class RegistrySchema {

    private static final String[] STATEMENTS = {
        "PRAGMA journal_mode=WAL",
        // WAL with synchronous=NORMAL is durable across process crashes; only a power cut can lose the last commit.
        "PRAGMA synchronous=NORMAL",
        "PRAGMA busy_timeout=5000",
        """
        CREATE TABLE IF NOT EXISTS devices (
            id TEXT PRIMARY KEY, store_id TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL,
            cert_serial TEXT, cert_expiry INTEGER, last_seen INTEGER, software_version TEXT)""",
        "CREATE INDEX IF NOT EXISTS devices_by_store ON devices(store_id, id)",
        """
        CREATE TABLE IF NOT EXISTS tokens (
            hash TEXT PRIMARY KEY, store_id TEXT NOT NULL, role TEXT NOT NULL, device_id TEXT,
            created_by TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER)""",
        """
        CREATE TABLE IF NOT EXISTS revocations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, device_id TEXT NOT NULL, store_id TEXT NOT NULL,
            serial TEXT NOT NULL, revoked_at INTEGER NOT NULL, reason TEXT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL,
            action TEXT NOT NULL, subject TEXT NOT NULL, outcome TEXT NOT NULL)"""
    };

    private RegistrySchema() {
    }

    /** Creates the tables if missing and sets the connection's pragmas. */
    public static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
