package dev.waymark.journey;

import dev.waymark.journey.internal.FeatureVectors;
import dev.waymark.journey.internal.LogisticFit;
import dev.waymark.journey.internal.Metrics;
import dev.waymark.journey.internal.StratifiedSplit;
import dev.waymark.journey.internal.UciCsv;
import dev.waymark.journey.internal.UciRow;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Trains and evaluates the {@link IntentModel} on the UCI Online Shoppers Purchasing Intention data. It takes
 * the CSV as text (the caller reads the file) and randomness as an argument, so a seed fixes the split and the
 * coefficients. Defaults: stratified 70/30 split, L2 penalty {@value #L2} on standardised weights, threshold
 * chosen to maximise F1 on the training part.
 */
public final class IntentModelTrainer {

    /** L2 penalty on standardised weights; mild, since 8,600 rows and 24 features do not overfit much. */
    public static final double L2 = 1.0;
    /** Share of each class used for training. */
    public static final double TRAIN_FRACTION = 0.7;

    /** Which columns the model sees. */
    public enum FeatureSet {
        /** All 17 UCI features, including {@code PageValues}, which leaks the label. */
        ALL,
        /** All UCI features except {@code PageValues}. */
        ALL_WITHOUT_PAGE_VALUES,
        /** Only {@link SessionFeatures}: what a kiosk or web session really has; the shipped model. */
        SESSION
    }

    /**
     * Held-out figures of one training run.
     *
     * @param features the columns used
     * @param trainRows rows trained on
     * @param testRows rows evaluated on
     * @param auc area under the ROC curve on the test rows
     * @param f1 F1 of the "purchase" class on the test rows at {@code threshold}
     * @param accuracy accuracy on the test rows at {@code threshold}
     * @param threshold cut-off chosen on the training rows (maximum training F1)
     * @param majorityAccuracy accuracy of always predicting "no purchase" on the test rows
     */
    public record Evaluation(FeatureSet features, int trainRows, int testRows, double auc, double f1,
            double accuracy, double threshold, double majorityAccuracy) {
    }

    private final List<UciRow> rows;
    private final int[] labels;

    private IntentModelTrainer(List<UciRow> rows) {
        this.rows = List.copyOf(rows);
        this.labels = rows.stream().mapToInt(r -> r.revenue() ? 1 : 0).toArray();
    }

    /**
     * Reads the published CSV (header plus 12,330 rows).
     *
     * @throws IllegalArgumentException naming the line and column of the first malformed value
     */
    public static IntentModelTrainer fromUciCsv(String csv) {
        return new IntentModelTrainer(UciCsv.parse(csv));
    }

    /** Number of sessions read. */
    public int rows() {
        return rows.size();
    }

    /** Splits with {@code random}, trains on 70 %, and measures on the held-out 30 %. */
    public Evaluation evaluate(FeatureSet features, RandomGenerator random) {
        Function<UciRow, double[]> vector = vectors(features);
        StratifiedSplit split = StratifiedSplit.of(labels, TRAIN_FRACTION, random);
        LogisticFit fit = fit(split.train(), vector);
        double threshold = Metrics.bestF1Threshold(scores(fit, split.train(), vector), pick(split.train()));
        double[] scores = scores(fit, split.test(), vector);
        int[] truth = pick(split.test());
        double negatives = Arrays.stream(truth).filter(l -> l == 0).count();
        return new Evaluation(features, split.train().length, split.test().length, Metrics.auc(scores, truth),
                Metrics.f1(scores, truth, threshold), Metrics.accuracy(scores, truth, threshold), threshold,
                negatives / truth.length);
    }

    /**
     * Trains the shippable model on the same 70 % that {@link #evaluate} with {@link FeatureSet#SESSION} and an
     * equally seeded generator trains on, so its held-out figures are that evaluation's.
     */
    public IntentModel train(RandomGenerator random, String provenance) {
        Function<UciRow, double[]> vector = vectors(FeatureSet.SESSION);
        StratifiedSplit split = StratifiedSplit.of(labels, TRAIN_FRACTION, random);
        LogisticFit fit = fit(split.train(), vector);
        double threshold = Metrics.bestF1Threshold(scores(fit, split.train(), vector), pick(split.train()));
        return IntentModel.of(fit, threshold, provenance);
    }

    private static Function<UciRow, double[]> vectors(FeatureSet features) {
        switch (features) {
            case ALL:
                return row -> FeatureVectors.all(row, true);
            case ALL_WITHOUT_PAGE_VALUES:
                return row -> FeatureVectors.all(row, false);
            default:
                return row -> FeatureVectors.session(row.session());
        }
    }

    private LogisticFit fit(int[] indices, Function<UciRow, double[]> vector) {
        double[][] x = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            x[i] = vector.apply(rows.get(indices[i]));
        }
        return LogisticFit.fit(x, pick(indices), L2);
    }

    private double[] scores(LogisticFit fit, int[] indices, Function<UciRow, double[]> vector) {
        double[] s = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            s[i] = fit.probability(vector.apply(rows.get(indices[i])));
        }
        return s;
    }

    private int[] pick(int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }
}
