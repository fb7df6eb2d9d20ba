package dev.waymark.cloud.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.waymark.cloud.EventLog;
import dev.waymark.cloud.EventLog.Entry;
import dev.waymark.cloud.testing.BlockedLoopWatch;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventLog} promises, whatever it runs on: each key's entries in append order, bounded batches,
 * a failed batch offered again, entries and consumer positions kept across a close and reopen, and lag. A subclass
 * says how to open a log over its backing and how to reopen that backing.
 */
public abstract class EventLogContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final List<EventLog> opened = new ArrayList<>();
    private BlockedLoopWatch blockedLoops;

    /** Opens what the logs keep their data in, fresh for each test. */
    protected abstract void openBacking() throws Exception;

    /** Closes the backing after the test's logs are closed. */
    protected abstract void closeBacking() throws Exception;

    /** A new log over the test's backing (the same data each time within a test). */
    protected abstract EventLog newLog() throws Exception;

    /** Closes and reopens what the log keeps its data in, as a process restart would; the logs are closed. */
    protected abstract void reopenBacking() throws Exception;

    /** Opens a log that is closed after the test. */
    protected final EventLog open() throws Exception {
        EventLog log = newLog();
        opened.add(log);
        return log;
    }

    @BeforeEach
    void openEach() throws Exception {
        blockedLoops = new BlockedLoopWatch();
        openBacking();
    }

    @AfterEach
    void closeEach() throws Exception {
        opened.forEach(EventLog::close);
        closeBacking();
        blockedLoops.close();
        assertThat(blockedLoops.warnings()).as("Vert.x reported a blocked event loop").isEmpty();
    }

    protected static Entry entry(String key, String value) {
        return new Entry(key, value.getBytes(StandardCharsets.UTF_8));
    }

    protected static String text(Entry entry) {
        return entry.key() + ":" + new String(entry.value(), StandardCharsets.UTF_8);
    }

    /** A handler that adds each entry of a batch, as {@code key:value}, to {@code seen} and succeeds. */
    protected static Function<List<Entry>, Future<Void>> collectInto(List<String> seen) {
        return batch -> {
            batch.forEach(e -> seen.add(text(e)));
            return Future.succeededFuture();
        };
    }

    protected static void append(EventLog log, Entry... entries) throws Exception {
        log.append(List.of(entries)).await(30, TimeUnit.SECONDS);
    }

    protected static long lag(EventLog log, String group) throws Exception {
        return log.lag(group).await(30, TimeUnit.SECONDS);
    }

    private static Map<String, List<String>> byKey(List<String> seen) {
        return seen.stream().collect(Collectors.groupingBy(s -> s.substring(0, s.indexOf(':')),
                Collectors.mapping(s -> s, Collectors.toList())));
    }

    @Test
    void consume_appendedEntries_deliversEachKeysEntriesInAppendOrderInBoundedBatches() throws Exception {
        EventLog underTest = open();
        append(underTest, entry("a", "1"), entry("b", "2"), entry("a", "3"));
        append(underTest, entry("b", "4 ünïcode"), entry("a", "5"), entry("c", "6"));
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();

        underTest.consume("g1", 2, batch -> {
            sizes.add(batch.size());
            batch.forEach(e -> seen.add(text(e)));
            return Future.succeededFuture();
        });

        await().atMost(WAIT).until(() -> seen.size() == 6);
        assertThat(byKey(seen)).containsEntry("a", List.of("a:1", "a:3", "a:5"))
                .containsEntry("b", List.of("b:2", "b:4 ünïcode")).containsEntry("c", List.of("c:6"));
        assertThat(sizes).allMatch(size -> size >= 1 && size <= 2);
        await().atMost(WAIT).until(() -> lag(underTest, "g1") == 0);
    }

    @Test
    void consume_failedBatch_offersTheSameEntriesAgain() throws Exception {
        EventLog underTest = open();
        append(underTest, entry("k", "first"), entry("k", "second"));
        AtomicReference<List<String>> refused = new AtomicReference<>();
        List<List<String>> handled = new CopyOnWriteArrayList<>();

        underTest.consume("g1", 10, batch -> {
            List<String> texts = batch.stream().map(EventLogContract::text).toList();
            if (refused.compareAndSet(null, texts)) {
                return Future.failedFuture("not durable yet");
            }
            handled.add(texts);
            return Future.succeededFuture();
        });

        await().atMost(WAIT).until(() -> handled.stream().mapToInt(List::size).sum() == 2);
        assertThat(handled.get(0)).startsWith(refused.get().toArray(String[]::new));
        assertThat(handled.stream().flatMap(List::stream)).containsExactly("k:first", "k:second");
    }

    @Test
    void reopen_keepsAppendedEntriesAndEachGroupsPosition() throws Exception {
        EventLog first = open();
        append(first, entry("k", "old"));
        List<String> before = new CopyOnWriteArrayList<>();
        first.consume("g1", 10, collectInto(before));
        await().atMost(WAIT).until(() -> lag(first, "g1") == 0);
        first.close();
        EventLog writer = open();
        append(writer, entry("k", "kept"));
        writer.close();

        reopenBacking();
        EventLog underTest = open();
        List<String> after = new CopyOnWriteArrayList<>();
        underTest.consume("g1", 10, collectInto(after));

        await().atMost(WAIT).until(() -> after.contains("k:kept"));
        assertThat(before).containsExactly("k:old");
        assertThat(after).containsExactly("k:kept");
        await().atMost(WAIT).until(() -> lag(underTest, "g1") == 0);
    }

    @Test
    void lag_unknownGroup_countsEveryEntry() throws Exception {
        EventLog underTest = open();
        append(underTest, entry("k", "1"), entry("k", "2"), entry("j", "3"));

        assertThat(lag(underTest, "never-consumed")).isEqualTo(3);
    }

    @Test
    void lag_afterSomeBatches_countsWhatTheGroupHasNotConsumed() throws Exception {
        EventLog underTest = open();
        append(underTest, entry("k", "1"), entry("k", "2"), entry("k", "3"));
        Map<String, Boolean> seen = new ConcurrentHashMap<>();

        underTest.consume("g1", 1, batch -> {
            batch.forEach(e -> seen.put(text(e), true));
            // Holds the third entry back for good, so the group's position stays before it.
            return seen.containsKey("k:3") ? Future.failedFuture("held back") : Future.succeededFuture();
        });

        await().atMost(WAIT).until(() -> seen.containsKey("k:3") && lag(underTest, "g1") == 1);
    }
}
