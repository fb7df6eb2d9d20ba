package dev.waymark.cloud.internal.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UpliftTest {

    @Test
    void of_armsAtTheMinimum_givesWaldInterval() {
        Uplift underTest = Uplift.of(new Proportion(40, 20), new Proportion(40, 10), 30);

        assertThat(underTest.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(0.25, within(1e-12)));
        assertThat(underTest.ci95()).hasValueSatisfying(ci -> {
            assertThat(ci.low()).isCloseTo(0.04502206008611073, within(1e-9));
            assertThat(ci.high()).isCloseTo(0.45497793991388924, within(1e-9));
        });
        assertThat(underTest.reason()).contains("Wald");
    }

    @Test
    void of_intervalSpanningZero_isKeptAsIs() {
        Uplift underTest = Uplift.of(new Proportion(100, 30), new Proportion(100, 20), 30);

        assertThat(underTest.ci95()).hasValueSatisfying(ci -> {
            assertThat(ci.low()).isCloseTo(-0.0192199548589424, within(1e-9));
            assertThat(ci.high()).isCloseTo(0.2192199548589424, within(1e-9));
        });
    }

    @Test
    void of_armBelowMinimum_givesValueWithoutIntervalAndSaysWhy() {
        Uplift underTest = Uplift.of(new Proportion(29, 10), new Proportion(300, 30), 30);

        assertThat(underTest.value()).hasValueSatisfying(v -> assertThat(v).isCloseTo(10 / 29.0 - 0.1, within(1e-12)));
        assertThat(underTest.ci95()).isEmpty();
        assertThat(underTest.reason()).contains("too few").contains("29 treated").contains("at least 30");
        assertThat(underTest.toJson().getValue("ci95")).isNull();
    }

    @Test
    void of_emptyControlArm_givesNoValue() {
        Uplift underTest = Uplift.of(new Proportion(50, 5), new Proportion(0, 0), 30);

        assertThat(underTest.value()).isEmpty();
        assertThat(underTest.reason()).contains("no control decisions");
    }

    @Test
    void of_noConversionsAnywhere_withholdsDegenerateInterval() {
        Uplift underTest = Uplift.of(new Proportion(50, 0), new Proportion(50, 0), 30);

        assertThat(underTest.value()).contains(0.0);
        assertThat(underTest.ci95()).isEmpty();
        assertThat(underTest.reason()).contains("standard error 0");
    }

    @Test
    void proportion_moreConversionsThanDecisions_isRefused() {
        assertThatThrownBy(() -> new Proportion(3, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversions");
    }

    @Test
    void uplift_equalValues_areEqual() {
        assertThat(Uplift.of(new Proportion(40, 20), new Proportion(40, 10), 30))
                .isEqualTo(Uplift.of(new Proportion(40, 20), new Proportion(40, 10), 30))
                .hasSameHashCodeAs(Uplift.of(new Proportion(40, 20), new Proportion(40, 10), 30))
                .isNotEqualTo(Uplift.of(new Proportion(40, 21), new Proportion(40, 10), 30));
    }
}
