package dev.waymark.cloud.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on SQLite; {@code JdbcStorePostgresIT} runs the same tests on PostgreSQL. */
class JdbcStoreTest {

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore underTest;

    /** The database the tests run on: a SQLite file in the test's folder. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws SQLException {
        vertx = Vertx.vertx();
        underTest = JdbcStore.open(vertx, storeUrl(), 2);
    }

    @AfterEach
    void close() throws Exception {
        underTest.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void write_failingWork_undoesOnlyItsOwnChanges() throws Exception {
        List<Future<Object>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            writes.add(underTest.write(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO log_positions (group_id, position) VALUES (?, ?)")) {
                    insert.setString(1, "g" + n);
                    insert.setLong(2, n);
                    insert.executeUpdate();
                }
                if (n % 5 == 0) {
                    throw new SQLException("refused " + n);
                }
                return null;
            }));
        }
        Future.join(writes).otherwiseEmpty().await(10, TimeUnit.SECONDS);

        long failed = writes.stream().filter(Future::failed).count();
        long rows = underTest.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM log_positions")) {
                rs.next();
                return rs.getLong(1);
            }
        }).await(10, TimeUnit.SECONDS);
        assertThat(failed).isEqualTo(4);
        assertThat(rows).isEqualTo(16);
    }

    @Test
    void open_again_keepsCommittedRowsAndSchema() throws Exception {
        underTest.write(c -> c.createStatement().executeUpdate(
                "INSERT INTO log_positions (group_id, position) VALUES ('kept', 7)")).await(10, TimeUnit.SECONDS);
        underTest.close();

        underTest = JdbcStore.open(vertx, storeUrl(), 1);

        long position = underTest.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT position FROM log_positions WHERE group_id = 'kept'")) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        }).await(10, TimeUnit.SECONDS);
        assertThat(position).isEqualTo(7);
    }
}
