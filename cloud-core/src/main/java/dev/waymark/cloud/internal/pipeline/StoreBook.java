package dev.waymark.cloud.internal.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Records the stores seen in device traffic (table {@code stores}), once per store per batch. */
final class StoreBook implements AutoCloseable {

    private final PreparedStatement insert;
    private final PreparedStatement touch;
    private final Set<String> done = new HashSet<>();
    private final List<String> firstSeen = new ArrayList<>();

    StoreBook(Connection c) throws SQLException {
        this.insert = c.prepareStatement("INSERT INTO stores (store_id, first_seen, last_seen) VALUES (?, ?, ?) "
                + "ON CONFLICT (store_id) DO NOTHING");
        this.touch = c.prepareStatement("UPDATE stores SET last_seen = ? WHERE store_id = ?");
    }

    /** Stores this batch saw for the first time ever. */
    List<String> firstSeen() {
        return List.copyOf(firstSeen);
    }

    void seen(String storeId, Instant now) throws SQLException {
        if (!done.add(storeId)) {
            return;
        }
        insert.setString(1, storeId);
        insert.setLong(2, now.toEpochMilli());
        insert.setLong(3, now.toEpochMilli());
        if (insert.executeUpdate() == 1) {
            firstSeen.add(storeId);
        } else {
            touch.setLong(1, now.toEpochMilli());
            touch.setString(2, storeId);
            touch.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        touch.close();
    }
}
