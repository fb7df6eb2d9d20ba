package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void of_countsEachValue() {
        Histogram underTest = Histogram.of(List.of(3, 1, 3, 0));

        assertThat(underTest.counts()).containsExactly(Map.entry(0, 1), Map.entry(1, 1), Map.entry(3, 2));
        assertThat(underTest.total()).isEqualTo(4);
        assertThat(underTest.mean()).isEqualTo(1.75);
    }

    @Test
    void draw_returnsValuesInTheirProportions() {
        Histogram underTest = new Histogram(Map.of(1, 3, 5, 1));
        SplittableRandom random = new SplittableRandom(1);

        List<Integer> draws = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            draws.add(underTest.draw(random));
        }

        assertThat(draws).containsOnly(1, 5);
        assertThat(draws.stream().filter(v -> v == 5).count() / 20_000.0).isCloseTo(0.25, within(0.015));
    }

    @Test
    void construction_nonPositiveCountOrEmpty_isRefused() {
        assertThatThrownBy(() -> new Histogram(Map.of(1, 0))).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new Histogram(Map.of())).hasMessageContaining("at least one value");
    }

    @Test
    void histogram_equalsAndHashCode_dependOnCounts() {
        Histogram one = new Histogram(Map.of(1, 2, 3, 4));

        assertThat(one).isEqualTo(Histogram.fromJson("h", one.toJson())).hasSameHashCodeAs(Histogram.of(
                List.of(1, 1, 3, 3, 3, 3))).isNotEqualTo(new Histogram(Map.of(1, 2, 3, 5)));
    }

    @Test
    void gapQuantiles_of_takesNearestRankPercentiles() {
        GapQuantiles underTest = GapQuantiles.of(LongStream.rangeClosed(0, 100).boxed().toList());

        assertThat(underTest.millis()).containsExactly(0L, 5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 50L, 55L, 60L,
                65L, 70L, 75L, 80L, 85L, 90L, 95L, 100L);
        assertThat(underTest.median()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void gapQuantiles_draw_interpolatesAndRespectsTheCap() {
        GapQuantiles underTest = GapQuantiles.of(LongStream.rangeClosed(0, 100).boxed().toList());
        SplittableRandom random = new SplittableRandom(3);

        List<Long> draws = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            draws.add(underTest.draw(random, Duration.ofMillis(80)).toMillis());
        }

        assertThat(draws).allSatisfy(gap -> assertThat(gap).isBetween(0L, 80L));
        assertThat(draws.stream().filter(gap -> gap == 80).count() / 20_000.0).isCloseTo(0.2, within(0.015));
        assertThat(draws.stream().mapToLong(Long::longValue).filter(gap -> gap < 80).average().orElseThrow())
                .isCloseTo(40, within(1.0));
    }

    @Test
    void gapQuantiles_descending_isRefused() {
        List<Long> millis = new ArrayList<>(LongStream.rangeClosed(0, 20).boxed().toList());
        millis.set(5, 1L);

        assertThatThrownBy(() -> new GapQuantiles(millis)).hasMessageStartingWith("percentile 25:");
    }
}
