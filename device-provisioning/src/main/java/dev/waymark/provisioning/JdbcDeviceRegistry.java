package dev.waymark.provisioning;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.internal.RegistrySchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@link DeviceRegistry} over JDBC, in one of two dialects: a SQLite file in WAL mode (the standalone service
 * and a cloud on SQLite), or tables prefixed {@code registry_} in the cloud store's PostgreSQL database, which every
 * cloud replica shares. One connection, opened again on the next call once the database dropped it; calls are
 * serialised in this process, and races between processes are settled by the database (conditional UPDATEs,
 * identity sequences, a feed lock). Blocking; throws {@link IllegalStateException} when the database fails.
 */
public final class JdbcDeviceRegistry implements DeviceRegistry {

    private static final String DEVICE_COLUMNS =
            "id, store_id, role, status, cert_serial, cert_expiry, last_seen, software_version";

    private final String url;
    private final RegistrySchema schema;
    private final String devices;
    private final String tokens;
    private final String revocations;
    private final String audit;
    private Connection connection;
    private boolean closed;
    private boolean transaction;

    private JdbcDeviceRegistry(String url, Connection connection, RegistrySchema schema) {
        this.url = url;
        this.connection = connection;
        this.schema = schema;
        this.devices = schema.table("devices");
        this.tokens = schema.table("tokens");
        this.revocations = schema.table("revocations");
        this.audit = schema.table("audit");
    }

    /** Opens (creating if needed) the SQLite registry in {@code file}; IllegalStateException if SQLite cannot. */
    public static JdbcDeviceRegistry open(Path file) {
        return open("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Opens (creating its tables if needed) the registry at a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL;
     * IllegalArgumentException for another URL, IllegalStateException if the database cannot be reached.
     */
    public static JdbcDeviceRegistry open(String jdbcUrl) {
        RegistrySchema schema = RegistrySchema.of(jdbcUrl);
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, schema.connectionProperties());
            try {
                schema.apply(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new JdbcDeviceRegistry(jdbcUrl, connection, schema);
        } catch (SQLException e) {
            // The URL may carry a password: name the dialect only.
            throw new IllegalStateException("cannot open the " + schema.name().toLowerCase(Locale.ROOT)
                    + " device registry: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void saveToken(TokenRecord token) {
        int rows = update("INSERT INTO " + tokens + "(hash, store_id, role, device_id, created_by, created_at,"
                + " expires_at, used_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(hash) DO NOTHING", token.hash(),
                token.storeId(), wire(token.role()), token.deviceId().orElse(null), token.createdBy(),
                token.createdAt().toEpochMilli(), token.expiresAt().toEpochMilli(),
                token.usedAt().map(Instant::toEpochMilli).orElse(null));
        if (rows != 1) {
            throw new IllegalArgumentException("hash: token already stored");
        }
    }

    @Override
    public synchronized Optional<TokenRecord> findToken(String hash) {
        return query("SELECT hash, store_id, role, device_id, created_by, created_at, expires_at, used_at"
                + " FROM " + tokens + " WHERE hash = ?", rs -> new TokenRecord(rs.getString(1), rs.getString(2),
                role(rs.getString(3)), Optional.ofNullable(rs.getString(4)), rs.getString(5), instant(rs, 6),
                instant(rs, 7), optionalInstant(rs, 8)), hash).stream().findFirst();
    }

    @Override
    public synchronized boolean redeemToken(String hash, Instant now, Device device) {
        return inTransaction(() -> {
            int claimed = update("UPDATE " + tokens + " SET used_at = ? WHERE hash = ? AND used_at IS NULL"
                    + " AND expires_at > ?", now.toEpochMilli(), hash, now.toEpochMilli());
            if (claimed != 1) {
                return false;
            }
            update("INSERT INTO " + devices + "(" + DEVICE_COLUMNS + ") VALUES (?,?,?,?,NULL,NULL,NULL,NULL)"
                    + " ON CONFLICT(id) DO UPDATE SET status = excluded.status, cert_serial = NULL,"
                    + " cert_expiry = NULL", device.id(), device.storeId(), wire(device.role()),
                    DeviceStatus.PENDING.wireName());
            return true;
        });
    }

    @Override
    public synchronized void activate(String deviceId, String certSerial, Instant certExpiry, Instant now,
                                      String softwareVersion) {
        int rows = update("UPDATE " + devices + " SET status = ?, cert_serial = ?, cert_expiry = ?, last_seen = ?,"
                + " software_version = ? WHERE id = ?", DeviceStatus.ACTIVE.wireName(), certSerial,
                certExpiry.toEpochMilli(), now.toEpochMilli(), softwareVersion, deviceId);
        requireOne(rows, deviceId);
    }

    @Override
    public synchronized void touch(String deviceId, Instant now, String softwareVersion) {
        requireOne(update("UPDATE " + devices + " SET last_seen = ?, software_version = ? WHERE id = ?",
                now.toEpochMilli(), softwareVersion, deviceId), deviceId);
    }

    @Override
    public synchronized Optional<Device> find(String deviceId) {
        return query("SELECT " + DEVICE_COLUMNS + " FROM " + devices + " WHERE id = ?", JdbcDeviceRegistry::device,
                deviceId).stream().findFirst();
    }

    @Override
    public synchronized List<Device> devices(String storeId) {
        return query("SELECT " + DEVICE_COLUMNS + " FROM " + devices + " WHERE store_id = ? ORDER BY id",
                JdbcDeviceRegistry::device, storeId);
    }

    @Override
    public synchronized Revocation revoke(String deviceId, DeviceStatus status, Instant at) {
        if (status != DeviceStatus.REVOKED && status != DeviceStatus.REPLACED) {
            throw new IllegalArgumentException("status: must be revoked or replaced, got " + status.wireName());
        }
        return inTransaction(() -> {
            execute(schema.feedLock());
            // Read under the lock, so the serial is the one current when the entry is appended.
            Device device = find(deviceId).orElseThrow(() -> new IllegalArgumentException("deviceId: unknown"));
            String serial = device.certSerial()
                    .orElseThrow(() -> new IllegalArgumentException("deviceId: has no certificate to revoke"));
            update("UPDATE " + devices + " SET status = ? WHERE id = ?", status.wireName(), deviceId);
            long seq = query("INSERT INTO " + revocations + "(device_id, store_id, serial, revoked_at, reason)"
                    + " VALUES (?,?,?,?,?) RETURNING seq", rs -> rs.getLong(1), deviceId, device.storeId(), serial,
                    at.toEpochMilli(), status.wireName()).get(0);
            return new Revocation(seq, deviceId, device.storeId(), serial, at, status.wireName());
        });
    }

    @Override
    public synchronized List<Revocation> revocationsSince(long sequence, int limit) {
        return query("SELECT seq, device_id, store_id, serial, revoked_at, reason FROM " + revocations
                + " WHERE seq > ? ORDER BY seq LIMIT ?", rs -> new Revocation(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), instant(rs, 5), rs.getString(6)), sequence, limit);
    }

    @Override
    public synchronized AuditEntry audit(AuditEntry entry) {
        long seq = query("INSERT INTO " + audit + "(at, actor, action, subject, outcome) VALUES (?,?,?,?,?)"
                + " RETURNING seq", rs -> rs.getLong(1), entry.at().toEpochMilli(), entry.actor(), entry.action(),
                entry.subject(), entry.outcome()).get(0);
        return new AuditEntry(seq, entry.at(), entry.actor(), entry.action(), entry.subject(), entry.outcome());
    }

    @Override
    public synchronized List<AuditEntry> auditSince(long sequence, int limit) {
        return query("SELECT seq, at, actor, action, subject, outcome FROM " + audit + " WHERE seq > ? ORDER BY seq"
                + " LIMIT ?",
                rs -> new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), sequence, limit);
    }

    @Override
    public synchronized void close() {
        try {
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close device registry: " + e.getMessage(), e);
        }
    }

    private static Device device(ResultSet rs) throws SQLException {
        return new Device(rs.getString(1), rs.getString(2), role(rs.getString(3)),
                DeviceStatus.fromWire(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                optionalInstant(rs, 6), optionalInstant(rs, 7), Optional.ofNullable(rs.getString(8)));
    }

    private static String wire(DeviceRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static DeviceRole role(String wire) {
        return DeviceRole.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static void requireOne(int rows, String deviceId) {
        if (rows != 1) {
            throw new IllegalArgumentException("deviceId: unknown device " + deviceId);
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            Connection pinned = connection();
            pinned.setAutoCommit(false);
            transaction = true;
            try {
                T result = work.run();
                pinned.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(pinned, e);
                throw e;
            } finally {
                transaction = false;
                if (!pinned.isClosed()) {
                    pinned.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("device registry: " + e.getMessage(), e);
        }
    }

    private static void rollBack(Connection pinned, Exception cause) {
        try {
            pinned.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("device registry: " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rs = statement.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("device registry: " + e.getMessage(), e);
        }
    }

    /**
     * The connection, opened again if the database dropped it (a PostgreSQL restart or failover): the call that
     * met the broken connection failed, this one gets a new one. The tables exist already.
     */
    private Connection connection() throws SQLException {
        if (closed) {
            throw new IllegalStateException("device registry: closed");
        }
        if (connection.isClosed()) {
            if (transaction) {
                // A new connection would run the rest of the transaction's statements on their own.
                throw new SQLException("connection lost in a transaction");
            }
            connection = DriverManager.getConnection(url, schema.connectionProperties());
        }
        return connection;
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, args[i]);
            }
        }
        return statement;
    }
}
