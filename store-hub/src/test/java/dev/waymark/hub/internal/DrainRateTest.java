package dev.waymark.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrainRateTest {

    @Test
    void take_grantsAtMostOneSecondsWorthThenRefillsWithTime() {
        DrainRate underTest = new DrainRate(100);

        assertThat(underTest.take(500, 0)).isEqualTo(100);
        assertThat(underTest.take(10, 0)).isZero();
        assertThat(underTest.waitMillis(0)).isEqualTo(10);
        assertThat(underTest.take(500, 500)).isEqualTo(50);
    }

    @Test
    void giveBack_returnsUnusedTokensUpToTheBurst() {
        DrainRate underTest = new DrainRate(10);
        underTest.take(10, 0);

        underTest.giveBack(4);

        assertThat(underTest.take(10, 0)).isEqualTo(4);
    }

    @Test
    void take_clockGoingBackwards_grantsNothingExtra() {
        DrainRate underTest = new DrainRate(10);
        underTest.take(10, 1000);

        assertThat(underTest.take(10, 0)).isZero();
    }
}
