package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void of_oneToHundred_givesNearestRankPercentiles() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();

        Latency underTest = Latency.of(shuffled);

        assertThat(underTest).isEqualTo(new Latency(100, 50, 95, 99, 100));
    }

    @Test
    void of_fewValues_reportsThemWithoutInterpolation() {
        Latency underTest = Latency.of(new long[] {300, 100, 200});

        assertThat(underTest).isEqualTo(new Latency(3, 200, 300, 300, 300));
    }

    @Test
    void of_nothing_givesCountZeroAndNullPercentiles() {
        Latency underTest = Latency.of(new long[0]);

        assertThat(underTest.count()).isZero();
        assertThat(underTest.toJson().getValue("p50")).isNull();
        assertThat(underTest.toJson().getLong("count")).isZero();
    }
}
