package dev.waymark.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxWriterTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private OutboxStore store;
    private OutboxWriter underTest;

    private void open(long quota) throws Exception {
        store = OutboxStore.open(dir.resolve("edge.db"));
        underTest = new OutboxWriter(store, quota, 10_000);
    }

    @AfterEach
    void close() throws Exception {
        underTest.close();
        store.close();
    }

    @Test
    void append_committedRows_areReadBackInSequenceOrder() throws Exception {
        open(MB);
        List<CompletableFuture<OutboxWriter.Appended>> done = new ArrayList<>();
        for (long seq = 0; seq < 50; seq++) {
            done.add(underTest.append(List.of(row(seq, "wm.kiosk.cart_add", 100))).orElseThrow());
        }
        for (CompletableFuture<OutboxWriter.Appended> f : done) {
            assertThat(f.get()).isEqualTo(OutboxWriter.Appended.STORED);
        }
        try (OutboxReader reader = new OutboxReader(OutboxStore.openReader(dir.resolve("edge.db")))) {
            OutboxReader.Batch batch = reader.after(-1, 20, 1_000_000).orElseThrow();
            assertThat(batch.from()).isZero();
            assertThat(batch.to()).isEqualTo(19);
            assertThat(new String(batch.payload(), StandardCharsets.UTF_8)).startsWith("[{\"s\":0").endsWith("}]");
            assertThat(reader.after(45, 20, 1_000_000).orElseThrow().from()).isEqualTo(46);
            assertThat(reader.after(49, 20, 1_000_000)).isEmpty();
        }
        assertThat(underTest.count()).isEqualTo(50);
    }

    @Test
    void delete_acknowledgedRange_freesItsBytes() throws Exception {
        open(MB);
        underTest.append(List.of(row(0, "wm.kiosk.cart_add", 100), row(1, "wm.kiosk.cart_add", 100),
                row(2, "wm.kiosk.cart_add", 100))).orElseThrow().get();
        underTest.delete(0, 1).get();
        assertThat(underTest.count()).isEqualTo(1);
        assertThat(underTest.bytes()).isEqualTo(row(2, "wm.kiosk.cart_add", 100).body().length);
    }

    @Test
    void append_overQuota_dropsLowestPriorityOldestFirstAndCountsThem() throws Exception {
        open(MB);
        int size = 100_000;
        underTest.append(List.of(row(0, "wm.kiosk.cart_add", size), row(1, "wm.kiosk.product_view", size),
                row(2, "wm.outcome.accept", size), row(3, "wm.kiosk.product_view", size))).orElseThrow().get();
        for (long seq = 4; seq < 12; seq++) {
            underTest.append(List.of(row(seq, "wm.kiosk.consent_update", size))).orElseThrow().get();
        }
        assertThat(underTest.dropped()).isEqualTo(2);
        assertThat(underTest.overQuota()).isTrue();
        assertThat(remainingSequences()).startsWith(0L, 2L, 4L).doesNotContain(1L, 3L);
    }

    @Test
    void append_quotaFullOfKeptEvents_refusesDroppableButStoresKept() throws Exception {
        open(MB);
        int size = 200_000;
        for (long seq = 0; seq < 5; seq++) {
            underTest.append(List.of(row(seq, "wm.outcome.convert", size))).orElseThrow().get();
        }
        assertThat(underTest.append(List.of(row(5, "wm.kiosk.cart_add", size))).orElseThrow().get())
                .isEqualTo(OutboxWriter.Appended.OVER_QUOTA);
        assertThat(underTest.append(List.of(row(6, "wm.kiosk.consent_update", size))).orElseThrow().get())
                .isEqualTo(OutboxWriter.Appended.STORED);
        assertThat(remainingSequences()).containsExactly(0L, 1L, 2L, 3L, 4L, 6L);
    }

    @Test
    void nextSequence_survivesDeletionOfEveryRow() throws Exception {
        open(MB);
        underTest.append(List.of(row(0, "wm.kiosk.cart_add", 10), row(1, "wm.kiosk.cart_add", 10)))
                .orElseThrow().get();
        underTest.delete(0, 1).get();
        underTest.close();
        assertThat(store.maxSequence()).isEqualTo(-1);
        assertThat(store.meta(OutboxWriter.NEXT_SEQUENCE)).contains("2");
        underTest = new OutboxWriter(store, MB, 10);
    }

    @Test
    void append_beyondPendingLimit_isRefusedWithoutQueueing() throws Exception {
        store = OutboxStore.open(dir.resolve("edge.db"));
        underTest = new OutboxWriter(store, MB, 3);
        List<OutboxRow> four = List.of(row(0, "wm.kiosk.cart_add", 1), row(1, "wm.kiosk.cart_add", 1),
                row(2, "wm.kiosk.cart_add", 1), row(3, "wm.kiosk.cart_add", 1));
        assertThat(underTest.append(four)).isEmpty();
    }

    private List<Long> remainingSequences() throws Exception {
        List<Long> out = new ArrayList<>();
        try (OutboxReader reader = new OutboxReader(OutboxStore.openReader(dir.resolve("edge.db")))) {
            long cursor = -1;
            while (true) {
                var batch = reader.after(cursor, 1, Integer.MAX_VALUE);
                if (batch.isEmpty()) {
                    return out;
                }
                out.add(batch.get().from());
                cursor = batch.get().to();
            }
        }
    }

    private static OutboxRow row(long seq, String type, int size) {
        String json = "{\"s\":" + seq + ",\"pad\":\"" + "x".repeat(Math.max(0, size - 20)) + "\"}";
        return new OutboxRow(seq, "id-" + seq, type, Priority.of(type), json.getBytes(StandardCharsets.UTF_8));
    }
}
