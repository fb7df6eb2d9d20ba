package dev.waymark.cloud.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog.Entry;
import dev.waymark.cloud.internal.store.JdbcStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded event log on SQLite; {@code StoreEventLogPostgresIT} runs the same tests on PostgreSQL. */
class StoreEventLogTest {

    @TempDir
    Path dir;
    Vertx vertx;
    JdbcStore store;
    StoreEventLog underTest;

    /** The database the tests run on: a SQLite file in the test's folder; the PostgreSQL variant overrides it. */
    String storeUrl() {
        return "jdbc:sqlite:" + dir.resolve("cloud.db");
    }

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        store = JdbcStore.open(vertx, storeUrl(), 2);
        underTest = new StoreEventLog(vertx, store);
    }

    @AfterEach
    void close() throws Exception {
        underTest.close();
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static Entry entry(String key, String value) {
        return new Entry(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Entry entry) {
        return entry.key() + ":" + new String(entry.value(), StandardCharsets.UTF_8);
    }

    private void append(Entry... entries) throws Exception {
        underTest.append(List.of(entries)).await(10, TimeUnit.SECONDS);
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
    void consume_appendedEntries_deliversThemInAppendOrderInBoundedBatchesAndPrunesThem() throws Exception {
        append(entry("a", "1"), entry("b", "2"), entry("a", "3"));
        append(entry("b", "4 ünïcode"), entry("a", "5"));
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();

        underTest.consume("g1", 2, batch -> {
            sizes.add(batch.size());
            batch.forEach(e -> seen.add(text(e)));
            return Future.succeededFuture();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 5);
        assertThat(seen).containsExactly("a:1", "b:2", "a:3", "b:4 ünïcode", "a:5");
        assertThat(sizes).allMatch(size -> size <= 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> underTest.lag("g1").await(10, TimeUnit.SECONDS) == 0);
        assertThat(rows()).isZero();
    }

    @Test
    void consume_failedBatch_offersTheSameEntriesAgain() throws Exception {
        append(entry("k", "first"), entry("k", "second"));
        AtomicInteger attempts = new AtomicInteger();
        List<String> committed = new CopyOnWriteArrayList<>();

        underTest.consume("g1", 10, batch -> {
            if (attempts.incrementAndGet() == 1) {
                return Future.failedFuture("not durable yet");
            }
            batch.forEach(e -> committed.add(text(e)));
            return Future.succeededFuture();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> committed.size() == 2);
        assertThat(committed).containsExactly("k:first", "k:second");
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void append_afterConsumedAndPruned_continuesPositionsSoASecondGroupStillSeesOnlyNewEntries() throws Exception {
        append(entry("k", "old"));
        List<String> first = new CopyOnWriteArrayList<>();
        underTest.consume("g1", 10, batch -> {
            batch.forEach(e -> first.add(text(e)));
            return Future.succeededFuture();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> rows() == 0);
        underTest.close();

        StoreEventLog reopened = new StoreEventLog(vertx, store);
        reopened.append(List.of(entry("k", "new"))).await(10, TimeUnit.SECONDS);

        assertThat(reopened.lag("g1").await(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(first).containsExactly("k:old");
    }

    @Test
    void lag_unknownGroup_countsEveryEntry() throws Exception {
        append(entry("k", "1"), entry("k", "2"), entry("j", "3"));

        assertThat(underTest.lag("never-consumed").await(10, TimeUnit.SECONDS)).isEqualTo(3);
    }
}
