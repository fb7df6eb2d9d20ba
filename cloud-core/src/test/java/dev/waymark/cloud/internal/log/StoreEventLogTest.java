package dev.waymark.cloud.internal.log;

import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded event log on SQLite passes the {@link EventLogContract}, and prunes what every group consumed (the
 * contract's reopen test then pins that positions continue after the pruned ones, so no group skips a new entry);
 * {@code StoreEventLogPostgresIT} runs the same tests on PostgreSQL.
 */
class StoreEventLogTest extends EventLogContract {

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore store;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @Override
    protected void openBacking() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, storeUrl(), 2);
    }

    @Override
    protected void closeBacking() throws Exception {
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Override
    protected EventLog newLog() {
        return new StoreEventLog(vertx, store);
    }

    @Override
    protected void reopenBacking() throws Exception {
        store.close();
        store = JdbcStore.open(vertx, storeUrl(), 2);
    }

    private long rows() throws Exception {
        return store.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM event_log")) {
                rs.next();
                return rs.getLong(1);
            }
        }).await(10, TimeUnit.SECONDS);
    }

    @Test
    void consume_allGroupsPassedAnEntry_prunesItsRow() throws Exception {
        EventLog underTest = open();
        append(underTest, entry("a", "1"), entry("b", "2"));
        List<String> seen = new CopyOnWriteArrayList<>();

        underTest.consume("g1", 10, collectInto(seen));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2 && rows() == 0);
    }
}
