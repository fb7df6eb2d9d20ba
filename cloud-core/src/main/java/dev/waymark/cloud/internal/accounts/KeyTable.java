package dev.waymark.cloud.internal.accounts;

import dev.waymark.cloud.internal.http.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code api_keys} table (V20__accounts.sql), keyed by id, found by the SHA-256 of the key. */
final class KeyTable {

    private static final String COLUMNS = "key_id, kind, scopes, stores, label, created_by, created_at, revoked_at";

    private KeyTable() {
    }

    static void insert(Connection c, ApiKey key, String secretHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO api_keys (" + COLUMNS
                + ", secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
            s.setString(1, key.id());
            s.setString(2, key.kind().name());
            s.setString(3, CommaList.join(key.scopes().stream().map(Scope::wireName).toList()));
            s.setString(4, CommaList.join(key.stores()));
            s.setString(5, key.label());
            s.setString(6, key.createdBy());
            s.setLong(7, key.createdAt());
            s.setString(8, secretHash);
            s.executeUpdate();
        }
    }

    /** The key, revoked or not, whose secret hashes to {@code secretHash}. */
    static Optional<ApiKey> findBySecretHash(Connection c, String secretHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE secret_hash = ?")) {
            s.setString(1, secretHash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(key(rs)) : Optional.empty();
            }
        }
    }

    static List<ApiKey> list(Connection c) throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY key_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keys.add(key(rs));
            }
        }
        return keys;
    }

    /** Revokes the key; false when there is no such key. Revoking twice keeps the first time. */
    static boolean revoke(Connection c, String id, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE key_id = ?")) {
            s.setLong(1, now);
            s.setString(2, id);
            return s.executeUpdate() == 1;
        }
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        Set<Scope> scopes = CommaList.split(rs.getString(3)).stream()
                .map(name -> Scope.valueOf(name.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        long revokedAt = rs.getLong(8);
        Optional<Long> revoked = rs.wasNull() ? Optional.empty() : Optional.of(revokedAt);
        return new ApiKey(rs.getString(1), KeyKind.valueOf(rs.getString(2)), scopes,
                CommaList.split(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7), revoked);
    }
}
