package dev.waymark.cloud.internal.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Records the stores seen in device traffic (table {@code stores}), once per store per batch. */
final class StoreBook implements AutoCloseable {

    private final PreparedStatement upsert;
    private final Set<String> done = new HashSet<>();

    StoreBook(Connection c) throws SQLException {
        this.upsert = c.prepareStatement("INSERT INTO stores (store_id, first_seen, last_seen) VALUES (?, ?, ?) "
                + "ON CONFLICT (store_id) DO UPDATE SET last_seen = excluded.last_seen");
    }

    void seen(String storeId, Instant now) {
        if (!done.add(storeId)) {
            return;
        }
        try {
            upsert.setString(1, storeId);
            upsert.setLong(2, now.toEpochMilli());
            upsert.setLong(3, now.toEpochMilli());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording store " + storeId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        upsert.close();
    }
}
