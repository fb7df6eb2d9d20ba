package dev.waymark.provisioning;

import dev.waymark.protocol.device.DeviceRole;
import dev.waymark.provisioning.internal.RegistrySchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The standalone {@link DeviceRegistry}: one SQLite file in WAL mode, one connection, calls serialised (SQLite has
 * one writer anyway). Blocking; throws {@link IllegalStateException} when SQLite fails.
 */
public final class SqliteDeviceRegistry implements DeviceRegistry {

    private static final String DEVICE_COLUMNS =
            "id, store_id, role, status, cert_serial, cert_expiry, last_seen, software_version";

    private final Connection connection;

    private SqliteDeviceRegistry(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the registry in {@code file}; IllegalStateException if SQLite cannot. */
    public static SqliteDeviceRegistry open(Path file) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            RegistrySchema.apply(connection);
            return new SqliteDeviceRegistry(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open device registry " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void saveToken(TokenRecord token) {
        if (findToken(token.hash()).isPresent()) {
            throw new IllegalArgumentException("hash: token already stored");
        }
        update("INSERT INTO tokens(hash, store_id, role, device_id, created_by, created_at, expires_at, used_at)"
                + " VALUES (?,?,?,?,?,?,?,?)", token.hash(), token.storeId(), wire(token.role()),
                token.deviceId().orElse(null), token.createdBy(), token.createdAt().toEpochMilli(),
                token.expiresAt().toEpochMilli(), token.usedAt().map(Instant::toEpochMilli).orElse(null));
    }

    @Override
    public synchronized Optional<TokenRecord> findToken(String hash) {
        return query("SELECT hash, store_id, role, device_id, created_by, created_at, expires_at, used_at"
                + " FROM tokens WHERE hash = ?", rs -> new TokenRecord(rs.getString(1), rs.getString(2),
                role(rs.getString(3)), Optional.ofNullable(rs.getString(4)), rs.getString(5), instant(rs, 6),
                instant(rs, 7), optionalInstant(rs, 8)), hash).stream().findFirst();
    }

    @Override
    public synchronized boolean redeemToken(String hash, Instant now, Device device) {
        return inTransaction(() -> {
            int claimed = update("UPDATE tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?",
                    now.toEpochMilli(), hash, now.toEpochMilli());
            if (claimed != 1) {
                return false;
            }
            update("INSERT INTO devices(" + DEVICE_COLUMNS + ") VALUES (?,?,?,?,NULL,NULL,NULL,NULL)"
                    + " ON CONFLICT(id) DO UPDATE SET status = excluded.status, cert_serial = NULL,"
                    + " cert_expiry = NULL", device.id(), device.storeId(), wire(device.role()),
                    DeviceStatus.PENDING.wireName());
            return true;
        });
    }

    @Override
    public synchronized void activate(String deviceId, String certSerial, Instant certExpiry, Instant now,
                                      String softwareVersion) {
        int rows = update("UPDATE devices SET status = ?, cert_serial = ?, cert_expiry = ?, last_seen = ?,"
                + " software_version = ? WHERE id = ?", DeviceStatus.ACTIVE.wireName(), certSerial,
                certExpiry.toEpochMilli(), now.toEpochMilli(), softwareVersion, deviceId);
        requireOne(rows, deviceId);
    }

    @Override
    public synchronized void touch(String deviceId, Instant now, String softwareVersion) {
        requireOne(update("UPDATE devices SET last_seen = ?, software_version = ? WHERE id = ?",
                now.toEpochMilli(), softwareVersion, deviceId), deviceId);
    }

    @Override
    public synchronized Optional<Device> find(String deviceId) {
        return query("SELECT " + DEVICE_COLUMNS + " FROM devices WHERE id = ?", SqliteDeviceRegistry::device,
                deviceId).stream().findFirst();
    }

    @Override
    public synchronized List<Device> devices(String storeId) {
        return query("SELECT " + DEVICE_COLUMNS + " FROM devices WHERE store_id = ? ORDER BY id",
                SqliteDeviceRegistry::device, storeId);
    }

    @Override
    public synchronized Revocation revoke(String deviceId, DeviceStatus status, Instant at) {
        if (status != DeviceStatus.REVOKED && status != DeviceStatus.REPLACED) {
            throw new IllegalArgumentException("status: must be revoked or replaced, got " + status.wireName());
        }
        Device device = find(deviceId).orElseThrow(() -> new IllegalArgumentException("deviceId: unknown"));
        String serial = device.certSerial()
                .orElseThrow(() -> new IllegalArgumentException("deviceId: has no certificate to revoke"));
        return inTransaction(() -> {
            update("UPDATE devices SET status = ? WHERE id = ?", status.wireName(), deviceId);
            update("INSERT INTO revocations(device_id, store_id, serial, revoked_at, reason) VALUES (?,?,?,?,?)",
                    deviceId, device.storeId(), serial, at.toEpochMilli(), status.wireName());
            long seq = query("SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
            return new Revocation(seq, deviceId, device.storeId(), serial, at, status.wireName());
        });
    }

    @Override
    public synchronized List<Revocation> revocationsSince(long sequence, int limit) {
        return query("SELECT seq, device_id, store_id, serial, revoked_at, reason FROM revocations WHERE seq > ?"
                + " ORDER BY seq LIMIT ?", rs -> new Revocation(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), instant(rs, 5), rs.getString(6)), sequence, limit);
    }

    @Override
    public synchronized AuditEntry audit(AuditEntry entry) {
        return inTransaction(() -> {
            update("INSERT INTO audit(at, actor, action, subject, outcome) VALUES (?,?,?,?,?)",
                    entry.at().toEpochMilli(), entry.actor(), entry.action(), entry.subject(), entry.outcome());
            long seq = query("SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
            return new AuditEntry(seq, entry.at(), entry.actor(), entry.action(), entry.subject(), entry.outcome());
        });
    }

    @Override
    public synchronized List<AuditEntry> auditSince(long sequence, int limit) {
        return query("SELECT seq, at, actor, action, subject, outcome FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
                rs -> new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), sequence, limit);
    }

    @Override
    public synchronized void close() {
        try {
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
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("device registry: " + e.getMessage(), e);
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

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
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
