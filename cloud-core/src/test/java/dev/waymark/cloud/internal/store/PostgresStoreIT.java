package dev.waymark.cloud.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.cloud.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JdbcStore} on PostgreSQL: the migrations land in the URL's schema and make the same tables as on SQLite;
 * work queued together commits in one transaction, a failing statement undoes only its own work (PostgreSQL aborts
 * the whole transaction unless the store rolls back to the work's savepoint); readers see only committed state.
 */
class PostgresStoreIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore underTest;

    @BeforeEach
    void open() throws SQLException {
        vertx = Vertx.vertx();
        underTest = JdbcStore.open(vertx, POSTGRES.url(), 2);
    }

    @AfterEach
    void close() throws Exception {
        underTest.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private <T> T await(Future<T> future) throws Exception {
        return future.await(10, TimeUnit.SECONDS);
    }

    @Test
    void open_schemaInTheUrl_migratesIntoThatSchemaTheSameTablesAsSqlite() throws Exception {
        Set<String> onPostgres = await(underTest.read(c -> tables(c, "SELECT table_name FROM "
                + "information_schema.tables WHERE table_schema = '" + POSTGRES.schema() + "'")));
        Set<String> onSqlite;
        try (JdbcStore sqlite = JdbcStore.open(vertx, "jdbc:sqlite:" + dir.resolve("cloud.db"), 1)) {
            onSqlite = await(sqlite.read(c -> tables(c, "SELECT name FROM sqlite_master WHERE type = 'table'")));
        }

        assertThat(underTest.dialect()).isEqualTo(Store.Dialect.POSTGRESQL);
        assertThat(onPostgres).contains("flyway_schema_history", "event_log", "decisions", "overview_devices")
                .isEqualTo(onSqlite);
        long applied = await(underTest.read(c -> count(c, "SELECT COUNT(*) FROM flyway_schema_history "
                + "WHERE success AND version IS NOT NULL")));
        assertThat(applied).as("V1, V2, V10-12, V20, V30-31, V40-41, V50, V60, V80").isEqualTo(13);
    }

    @Test
    void write_queuedTogether_commitsInOneTransactionAndAFailingStatementUndoesOnlyItsWork() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> blocker = underTest.write(c -> {
            awaitLatch(release);
            return transaction(c);
        });
        List<Future<Long>> group = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = i == 5 ? "g0" : "g" + i;
            group.add(underTest.write(c -> {
                insertPosition(c, id);
                return transaction(c);
            }));
        }
        release.countDown();
        await(blocker);
        Future.join(group).otherwiseEmpty().await(10, TimeUnit.SECONDS);

        assertThat(group.get(5).failed()).as("the duplicate key's work").isTrue();
        assertThat(group.get(5).cause()).isInstanceOf(SQLException.class);
        Set<Long> transactions = new TreeSet<>();
        group.stream().filter(Future::succeeded).forEach(f -> transactions.add(f.result()));
        assertThat(transactions).as("transactions of the nine good works").hasSize(1);
        long rows = await(underTest.read(c -> count(c, "SELECT COUNT(*) FROM log_positions")));
        assertThat(rows).isEqualTo(9);
    }

    @Test
    void read_whileAWriteIsUncommitted_seesOnlyCommittedState() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> write = underTest.write(c -> {
            insertPosition(c, "pending");
            inserted.countDown();
            awaitLatch(release);
            return 0L;
        });
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        long during = await(underTest.read(c -> count(c, "SELECT COUNT(*) FROM log_positions")));
        release.countDown();
        await(write);
        long after = await(underTest.read(c -> count(c, "SELECT COUNT(*) FROM log_positions")));

        assertThat(during).isZero();
        assertThat(after).isEqualTo(1);
    }

    @Test
    void open_connections_carryTheStoresDriverSettings() throws Exception {
        String application = await(underTest.read(c -> text(c, "SELECT current_setting('application_name')")));

        assertThat(application).isEqualTo("waymark-cloud");
        assertThat(JdbcStore.connectionProperties(Store.Dialect.POSTGRESQL))
                .containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void writeAndRead_afterTheDatabaseEndedTheirSessions_reconnectAndCarryOn() throws Exception {
        String name = "wm-reconnect-" + POSTGRES.schema();
        try (JdbcStore store = JdbcStore.open(vertx,
                PostgresSchema.withParameter(POSTGRES.url(), "ApplicationName=" + name), 1)) {
            await(store.write(c -> insertPosition(c, "before")));

            long ended = terminate(name);
            // The first write and read on an ended session fail (their callers hear it) and replace the connection.
            store.write(c -> insertPosition(c, "during")).otherwiseEmpty().await(10, TimeUnit.SECONDS);
            store.read(c -> count(c, "SELECT 1")).otherwiseEmpty().await(10, TimeUnit.SECONDS);

            await(store.write(c -> insertPosition(c, "after")));
            long rows = await(store.read(c -> count(c,
                    "SELECT COUNT(*) FROM log_positions WHERE group_id IN ('before', 'after')")));
            assertThat(ended).as("sessions ended: the writer and the reader").isGreaterThanOrEqualTo(2);
            assertThat(rows).isEqualTo(2);
        }
    }

    private static long terminate(String applicationName) throws SQLException {
        try (Connection admin = DriverManager.getConnection(POSTGRES.url());
             PreparedStatement kill = admin.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            // In the select list, not the WHERE clause: there the planner may call it before filtering.
            kill.setString(1, applicationName);
            long ended = 0;
            try (ResultSet rs = kill.executeQuery()) {
                while (rs.next()) {
                    ended += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return ended;
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long insertPosition(Connection c, String group) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO log_positions (group_id, position) VALUES (?, 1)")) {
            insert.setString(1, group);
            return insert.executeUpdate();
        }
    }

    private static long transaction(Connection c) throws SQLException {
        return count(c, "SELECT txid_current()");
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(text(c, sql));
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Set<String> tables(Connection c, String sql) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        names.remove("sqlite_sequence");
        return names;
    }
}
