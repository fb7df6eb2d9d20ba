package dev.waymark.journey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void auc_perfectRanking_isOne_andReversedIsZero() {
        assertThat(Metrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
        assertThat(Metrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {0, 0, 1, 1})).isEqualTo(0.0);
    }

    @Test
    void auc_tiesCountHalf() {
        // Pairs (pos, neg): (0.5 vs 0.5) tie = 0.5, (0.5 vs 0.1) = 1, (0.9 vs 0.5) = 1, (0.9 vs 0.1) = 1 -> 3.5 / 4.
        assertThat(Metrics.auc(new double[] {0.5, 0.1, 0.5, 0.9}, new int[] {0, 0, 1, 1})).isEqualTo(0.875);
    }

    @Test
    void f1_andAccuracy_matchHandCount() {
        double[] scores = {0.9, 0.8, 0.3, 0.6, 0.1};
        int[] labels = {1, 0, 1, 1, 0};
        // threshold 0.5: predicted 1 for 0.9, 0.8, 0.6 -> tp 2, fp 1, fn 1 -> F1 = 4 / 6.
        assertThat(Metrics.f1(scores, labels, 0.5)).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(Metrics.accuracy(scores, labels, 0.5)).isEqualTo(0.6);
    }

    @Test
    void bestF1Threshold_picksTheCutWithHighestF1() {
        double[] scores = {0.9, 0.8, 0.3, 0.6, 0.1};
        int[] labels = {1, 0, 1, 1, 0};
        // Cut 0.3 predicts 4 positives: tp 3, fp 1 -> F1 6/7, higher than any other cut.
        assertThat(Metrics.bestF1Threshold(scores, labels)).isEqualTo(0.3);
    }

    @Test
    void stratifiedSplit_keepsClassShare_andIsDeterministicPerSeed() {
        int[] labels = new int[1000];
        for (int i = 0; i < 150; i++) {
            labels[i * 6] = 1;
        }
        StratifiedSplit a = StratifiedSplit.of(labels, 0.7, new SplittableRandom(1));
        StratifiedSplit b = StratifiedSplit.of(labels, 0.7, new SplittableRandom(1));

        assertThat(a.train()).hasSize(700);
        assertThat(Arrays.stream(a.train()).filter(i -> labels[i] == 1).count()).isEqualTo(105);
        assertThat(a.train()).isEqualTo(b.train());
        assertThat(a.train()).isNotEqualTo(StratifiedSplit.of(labels, 0.7, new SplittableRandom(2)).train());
    }

    @Test
    void logisticFit_recoversSignsOfAKnownModel() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = new double[4000][2];
        int[] y = new int[4000];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(2 * x[i][0] - 1 * x[i][1] - 0.5)));
            y[i] = random.nextDouble() < p ? 1 : 0;
        }

        LogisticFit fit = LogisticFit.fit(x, y, 1.0);

        assertThat(fit.weights()[0] / fit.scale()[0]).isCloseTo(2.0, within(0.25));
        assertThat(fit.weights()[1] / fit.scale()[1]).isCloseTo(-1.0, within(0.2));
        assertThat(fit.probability(new double[] {3, 0})).isGreaterThan(0.9);
    }
}
