package dev.waymark.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubOutboxTest {

    @TempDir
    Path folder;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void append_manyConcurrently_keepsArrivalOrderAndSurvivesReopen() throws Exception {
        Path file = folder.resolve("outbox.db");
        try (HubOutbox underTest = HubOutbox.open(file, 1000)) {
            List<CompletableFuture<Void>> commits = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                commits.add(underTest.append("t/" + i, bytes("m" + i), i % 2 == 0, "kiosk-1"));
            }
            CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).get();
            assertThat(underTest.depth()).isEqualTo(50);
        }
        try (HubOutbox underTest = HubOutbox.open(file, 1000)) {
            List<HubOutbox.Row> rows = underTest.readAfter(0, 100).get();

            assertThat(underTest.depth()).isEqualTo(50);
            assertThat(rows).extracting(HubOutbox.Row::topic).first().isEqualTo("t/0");
            assertThat(rows).extracting(HubOutbox.Row::topic).last().isEqualTo("t/49");
            assertThat(rows.get(0).retained()).isTrue();
            assertThat(rows.get(1).retained()).isFalse();
            assertThat(new String(rows.get(7).payload(), StandardCharsets.UTF_8)).isEqualTo("m7");
        }
    }

    @Test
    void delete_forwardedRows_areGoneAndDepthFalls() throws Exception {
        try (HubOutbox underTest = HubOutbox.open(folder.resolve("outbox.db"), 1000)) {
            for (int i = 0; i < 3; i++) {
                underTest.append("t", bytes("m" + i), false, "kiosk-1").get();
            }
            List<HubOutbox.Row> rows = underTest.readAfter(0, 10).get();
            underTest.delete(rows.get(0).id());
            underTest.delete(rows.get(0).id());
            underTest.append("t", bytes("m3"), false, "kiosk-1").get();

            assertThat(underTest.readAfter(0, 10).get()).extracting(r -> new String(r.payload(),
                    StandardCharsets.UTF_8)).containsExactly("m1", "m2", "m3");
            assertThat(underTest.depth()).isEqualTo(3);
        }
    }

    @Test
    void append_overQuota_failsWithFullAndKeepsEarlierRows() throws Exception {
        try (HubOutbox underTest = HubOutbox.open(folder.resolve("outbox.db"), 2)) {
            underTest.append("t", bytes("a"), false, "kiosk-1").get();
            underTest.append("t", bytes("b"), false, "kiosk-1").get();

            assertThatThrownBy(() -> underTest.append("t", bytes("c"), false, "kiosk-1").get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(HubOutbox.Full.class);
            assertThat(underTest.depth()).isEqualTo(2);
        }
    }

    @Test
    void readAfter_cursor_returnsOnlyLaterRows() throws Exception {
        try (HubOutbox underTest = HubOutbox.open(folder.resolve("outbox.db"), 100)) {
            for (int i = 0; i < 5; i++) {
                underTest.append("t", bytes("m" + i), false, "kiosk-1").get();
            }
            List<HubOutbox.Row> first = underTest.readAfter(0, 2).get();
            List<HubOutbox.Row> next = underTest.readAfter(first.get(1).id(), 10).get();

            assertThat(next).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .containsExactly("m2", "m3", "m4");
        }
    }
}
