package dev.waymark.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PropensityModelTest {

    @Test
    void update_countsSuccessesAndFailuresPerSegment() {
        PropensityModel underTest = PropensityModel.uniform();

        underTest.update(new Outcome("a", "kiosk", true));
        underTest.update(new Outcome("a", "kiosk", false));
        underTest.update(new Outcome("a", "kiosk", false));

        assertThat(underTest.mean("a", "kiosk")).isEqualTo(2.0 / 5);
        assertThat(underTest.mean("a", "web")).isEqualTo(0.5);
    }

    @Test
    void sample_meanOfDraws_matchesPosteriorMean() {
        PropensityModel underTest = PropensityModel.restore(new ModelSnapshot(1, 1,
                List.of(new ModelSnapshot.Arm("a", "s", 30, 70), new ModelSnapshot.Arm("b", "s", 0.5, 0.5))));
        SplittableRandom random = new SplittableRandom(3);

        double sumA = 0;
        double sumB = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            sumA += underTest.sample("a", "s", random);
            sumB += underTest.sample("b", "s", random);
        }

        // Standard errors: sqrt(0.3*0.7/101/n) ~ 0.0003 for a, sqrt(0.125/n) ~ 0.0025 for b.
        assertThat(sumA / n).isCloseTo(0.30, within(0.003));
        assertThat(sumB / n).isCloseTo(0.50, within(0.015));
    }

    @Test
    void snapshotAndRestore_sampleIdentically() {
        PropensityModel original = PropensityModel.withPrior(1, 9);
        original.update(new Outcome("a", "s", true));
        original.update(new Outcome("b", "s", false));

        PropensityModel underTest = PropensityModel.restore(original.snapshot());

        assertThat(underTest.snapshot()).isEqualTo(original.snapshot());
        assertThat(underTest.sample("a", "s", new SplittableRandom(5)))
                .isEqualTo(original.sample("a", "s", new SplittableRandom(5)));
    }

    @Test
    void snapshot_isSortedAndEqualForEqualModels() {
        PropensityModel one = PropensityModel.uniform();
        one.update(new Outcome("z", "s", true));
        one.update(new Outcome("a", "s", true));
        PropensityModel two = PropensityModel.uniform();
        two.update(new Outcome("a", "s", true));
        two.update(new Outcome("z", "s", true));

        assertThat(one.snapshot()).isEqualTo(two.snapshot()).hasSameHashCodeAs(two.snapshot());
        assertThat(one.snapshot().arms()).extracting(ModelSnapshot.Arm::actionId).containsExactly("a", "z");
    }
}
