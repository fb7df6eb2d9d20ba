package dev.waymark.cloud.internal.log;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded {@link EventLog}: entries are rows of the {@link Store}'s {@code event_log} table, appended by the
 * store's single writer (so an append is durable when its future completes) and read back in position order,
 * which keeps every key's entries in order. Consumed rows are pruned once every group has passed them.
 */
public final class StoreEventLog implements EventLog {

    private static final Logger LOG = Logger.getLogger(StoreEventLog.class.getName());
    private static final long IDLE_POLL_MS = 20;
    private static final long RETRY_MS = 500;

    private final Vertx vertx;
    private final Store store;
    private final AtomicLong next = new AtomicLong(-1);
    private volatile boolean closed;

    public StoreEventLog(Vertx vertx, Store store) {
        this.vertx = vertx;
        this.store = store;
    }

    @Override
    public Future<Void> append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        return store.write(connection -> {
            long position = nextPosition(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO event_log (position, log_key, payload) VALUES (?, ?, ?)")) {
                for (Entry entry : entries) {
                    insert.setLong(1, ++position);
                    insert.setString(2, entry.key());
                    insert.setString(3, new String(entry.value(), StandardCharsets.UTF_8));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            next.set(position);
            return null;
        });
    }

    // Runs on the writer thread only, so the counter needs no lock; a failed group rolls back and re-reads it.
    private long nextPosition(Connection connection) throws SQLException {
        if (next.get() < 0) {
            try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM event_log");
                 ResultSet rs = max.executeQuery()) {
                rs.next();
                long fromLog = rs.getLong(1);
                next.set(Math.max(fromLog, maxCommitted(connection)));
            }
        }
        return next.get();
    }

    private static long maxCommitted(Connection connection) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM log_positions");
             ResultSet rs = max.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void consume(String group, int maxBatch, Function<List<Entry>, Future<Void>> handler) {
        poll(group, maxBatch, handler);
    }

    private void poll(String group, int maxBatch, Function<List<Entry>, Future<Void>> handler) {
        if (closed) {
            return;
        }
        store.read(connection -> readBatch(connection, group, maxBatch)).compose(batch -> {
            if (batch.entries().isEmpty()) {
                return Future.succeededFuture(IDLE_POLL_MS);
            }
            return handler.apply(batch.entries())
                    .compose(done -> store.write(connection -> commit(connection, group, batch.last())))
                    .map(done -> 0L);
        }).onComplete(result -> {
            long delay = result.succeeded() ? result.result() : RETRY_MS;
            if (result.failed()) {
                LOG.log(Level.WARNING, "event log consumer " + group + " will retry: " + result.cause());
            }
            if (delay == 0) {
                vertx.runOnContext(v -> poll(group, maxBatch, handler));
            } else {
                schedule(delay, () -> poll(group, maxBatch, handler));
            }
        });
    }

    private void schedule(long delay, Runnable task) {
        if (!closed) {
            vertx.setTimer(delay, id -> task.run());
        }
    }

    private record Batch(List<Entry> entries, long last) {
    }

    private static Batch readBatch(Connection connection, String group, int maxBatch) throws SQLException {
        long from = position(connection, group);
        List<Entry> entries = new ArrayList<>();
        long last = from;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position, log_key, payload FROM event_log WHERE position > ? ORDER BY position LIMIT ?")) {
            select.setLong(1, from);
            select.setInt(2, maxBatch);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    entries.add(new Entry(rs.getString(2), rs.getString(3).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return new Batch(entries, last);
    }

    private static long position(Connection connection, String group) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position FROM log_positions WHERE group_id = ?")) {
            select.setString(1, group);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Void commit(Connection connection, String group, long position) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO log_positions (group_id, position) VALUES (?, ?) "
                        + "ON CONFLICT (group_id) DO UPDATE SET position = excluded.position")) {
            upsert.setString(1, group);
            upsert.setLong(2, position);
            upsert.executeUpdate();
        }
        try (PreparedStatement prune = connection.prepareStatement(
                "DELETE FROM event_log WHERE position <= (SELECT MIN(position) FROM log_positions)")) {
            prune.executeUpdate();
        }
        return null;
    }

    @Override
    public Future<Long> lag(String group) {
        return store.read(connection -> {
            long at = position(connection, group);
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM event_log WHERE position > ?")) {
                count.setLong(1, at);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
    }
}
