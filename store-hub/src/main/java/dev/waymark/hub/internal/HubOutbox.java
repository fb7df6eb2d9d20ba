package dev.waymark.hub.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub's durable buffer: one SQLite file in WAL mode with synchronous=FULL, one row per kiosk publish in arrival
 * order. Appends from many kiosks are group-committed: whatever arrived while the previous commit ran goes into the
 * next transaction, and each append's future completes only after that commit, so the broker can PUBACK then.
 * All SQL runs on one thread owned here. Thread-safe.
 */
public final class HubOutbox implements AutoCloseable {

    /** One stored message. */
    public record Row(long id, String topic, byte[] payload, boolean retained) {
    }

    /** The outbox is at its quota; the kiosk keeps the batch and retries. */
    public static final class Full extends IOException {
        Full(long maxRows) {
            super("hub outbox is full (" + maxRows + " rows)");
        }
    }

    private record Pending(String topic, byte[] payload, boolean retained, String device,
                           CompletableFuture<Void> done) {
    }

    private final Connection connection;
    private final long maxRows;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hub-outbox");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Pending> appends = new ConcurrentLinkedQueue<>();
    private final Queue<Long> deletes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private final AtomicLong depth = new AtomicLong();
    private volatile Runnable onAppended = () -> { };

    private HubOutbox(Connection connection, long maxRows) {
        this.connection = connection;
        this.maxRows = maxRows;
    }

    /** Opens (or creates) the outbox file; IOException when SQLite cannot. */
    public static HubOutbox open(Path file, long maxRows) throws IOException {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " topic TEXT NOT NULL, payload BLOB NOT NULL, retained INTEGER NOT NULL,"
                        + " device TEXT NOT NULL, received_at INTEGER NOT NULL)");
            }
            connection.setAutoCommit(false);
            HubOutbox outbox = new HubOutbox(connection, maxRows);
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM outbox")) {
                outbox.depth.set(count.getLong(1));
            }
            connection.commit();
            return outbox;
        } catch (SQLException e) {
            throw new IOException("cannot open hub outbox " + file + ": " + e.getMessage(), e);
        }
    }

    /** Called (on the outbox thread) after each commit that added rows. */
    public void onAppended(Runnable listener) {
        this.onAppended = listener;
    }

    /** Stores one message; the future completes after the commit, or fails with {@link Full} or the SQL error. */
    public CompletableFuture<Void> append(String topic, byte[] payload, boolean retained, String device) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        appends.add(new Pending(topic, payload, retained, device, done));
        scheduleFlush();
        return done;
    }

    /** Deletes a forwarded row (batched with the next commit). */
    public void delete(long id) {
        deletes.add(id);
        scheduleFlush();
    }

    /** Up to {@code limit} rows with an id above {@code afterId}, oldest first. */
    public CompletableFuture<List<Row>> readAfter(long afterId, int limit) {
        return CompletableFuture.supplyAsync(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, topic, payload, retained FROM outbox WHERE id > ? ORDER BY id LIMIT ?")) {
                select.setLong(1, afterId);
                select.setInt(2, limit);
                List<Row> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getLong(1), result.getString(2), result.getBytes(3),
                                result.getInt(4) == 1));
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("hub outbox read failed: " + e.getMessage(), e);
            }
        }, thread);
    }

    /** Rows stored and not yet forwarded. */
    public long depth() {
        return depth.get();
    }

    private void scheduleFlush() {
        if (flushQueued.compareAndSet(false, true)) {
            thread.execute(this::flush);
        }
    }

    private void flush() {
        flushQueued.set(false);
        List<Pending> batch = new ArrayList<>();
        for (Pending next = appends.poll(); next != null; next = appends.poll()) {
            batch.add(next);
        }
        List<Long> gone = new ArrayList<>();
        for (Long next = deletes.poll(); next != null; next = deletes.poll()) {
            gone.add(next);
        }
        List<Pending> accepted = new ArrayList<>();
        long room = maxRows - depth.get() + gone.size();
        for (Pending pending : batch) {
            if (room-- > 0) {
                accepted.add(pending);
            } else {
                pending.done().completeExceptionally(new Full(maxRows));
            }
        }
        try {
            int removed = write(accepted, gone);
            depth.addAndGet(accepted.size() - removed);
            accepted.forEach(pending -> pending.done().complete(null));
            if (!accepted.isEmpty()) {
                onAppended.run();
            }
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the failed futures below already tell every kiosk to retry
            }
            deletes.addAll(gone);
            accepted.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    private int write(List<Pending> accepted, List<Long> gone) throws SQLException {
        if (accepted.isEmpty() && gone.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (topic, payload, retained,"
                + " device, received_at) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement remove = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            long now = System.currentTimeMillis();
            for (Pending pending : accepted) {
                insert.setString(1, pending.topic());
                insert.setBytes(2, pending.payload());
                insert.setInt(3, pending.retained() ? 1 : 0);
                insert.setString(4, pending.device());
                insert.setLong(5, now);
                insert.addBatch();
            }
            for (long id : gone) {
                remove.setLong(1, id);
                remove.addBatch();
            }
            if (!accepted.isEmpty()) {
                insert.executeBatch();
            }
            int removed = 0;
            if (!gone.isEmpty()) {
                for (int count : remove.executeBatch()) {
                    removed += Math.max(count, 0);
                }
            }
            connection.commit();
            return removed;
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            System.getLogger(HubOutbox.class.getName()).log(System.Logger.Level.WARNING,
                    "closing the hub outbox: " + e.getMessage());
        }
    }
}
