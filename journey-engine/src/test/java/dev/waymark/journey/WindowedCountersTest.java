package dev.waymark.journey;

import static dev.waymark.journey.Events.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowedCountersTest {

    @Test
    void count_includesOnlyTimesInWindow_evenWhenRecordedOutOfOrder() {
        WindowedCounters underTest = WindowedCounters.empty()
                .record("k", minutes(10), Instant.EPOCH, 8)
                .record("k", minutes(2), Instant.EPOCH, 8)
                .record("k", minutes(6), Instant.EPOCH, 8);

        assertThat(underTest.count("k", minutes(5))).isEqualTo(2);
        assertThat(underTest.asMap().get("k")).containsExactly(minutes(2), minutes(6), minutes(10));
    }

    @Test
    void record_dropsTimesBeforeHorizon() {
        WindowedCounters underTest = WindowedCounters.empty()
                .record("old", minutes(0), Instant.EPOCH, 8)
                .record("a", minutes(5), Instant.EPOCH, 8)
                .record("a", minutes(6), minutes(1), 8);

        assertThat(underTest.asMap()).containsOnlyKeys("a");
    }

    @Test
    void record_beyondKeyLimit_dropsKeyCountedLeastRecently() {
        WindowedCounters underTest = WindowedCounters.empty()
                .record("x", minutes(3), Instant.EPOCH, 2)
                .record("y", minutes(1), Instant.EPOCH, 2)
                .record("z", minutes(2), Instant.EPOCH, 2);

        assertThat(underTest.asMap()).containsOnlyKeys("x", "z");
    }

    @Test
    void record_keepsAtMostMaxThresholdTimesPerKey() {
        WindowedCounters underTest = WindowedCounters.empty();
        for (int i = 0; i < 100; i++) {
            underTest = underTest.record("k", minutes(i * 0.1), Instant.EPOCH, 4);
        }

        assertThat(underTest.asMap().get("k")).hasSize(IntentPattern.MAX_THRESHOLD);
    }

    @Test
    void counters_honourEqualsAndHashCode() {
        WindowedCounters a = WindowedCounters.empty().record("k", minutes(1), Instant.EPOCH, 4);
        WindowedCounters b = WindowedCounters.of(Map.of("k", List.of(minutes(1))));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(WindowedCounters.empty());
    }
}
