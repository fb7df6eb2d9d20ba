package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two replicas' store writers on one PostgreSQL database, for tests of what one's transaction does to the other's
 * while it is open: {@link #secondWaitsForALock()} tells when the second one's statement is blocked on a row lock.
 */
final class TwoWriters implements AutoCloseable {

    private final String url;
    private final Vertx vertx = Vertx.vertx();
    final JdbcStore first;
    final JdbcStore second;
    private final int secondsBackend;

    TwoWriters(String url) throws Exception {
        this.url = url;
        this.first = JdbcStore.open(vertx, url, 1);
        this.second = JdbcStore.open(vertx, url, 1);
        this.secondsBackend = second.write(TwoWriters::backendPid).await(10, TimeUnit.SECONDS);
    }

    /** True while the second writer's connection waits for a lock another transaction holds. */
    boolean secondWaitsForALock() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement select = c.prepareStatement(
                     "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")) {
            select.setInt(1, secondsBackend);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && "Lock".equals(rs.getString(1));
            }
        }
    }

    /** Blocks a writer's work until {@code latch} opens (at most 30 s), keeping its transaction open. */
    static void holdUntil(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws Exception {
        first.close();
        second.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
