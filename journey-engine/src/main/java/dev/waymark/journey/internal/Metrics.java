package dev.waymark.journey.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Binary-classifier metrics over scores and 0/1 labels. */
public final class Metrics {

    private Metrics() {
    }

    /** Area under the ROC curve by the rank-sum (Mann-Whitney) formula; tied scores share their mean rank. */
    public static double auc(double[] scores, int[] labels) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** F1 of the positive class when {@code score >= threshold} predicts positive; 0 when nothing is right. */
    public static double f1(double[] scores, int[] labels, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted && labels[i] == 1) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (labels[i] == 1) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Share of rows classified correctly at {@code threshold}. */
    public static double accuracy(double[] scores, int[] labels, double threshold) {
        long right = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] >= threshold) == (labels[i] == 1)) {
                right++;
            }
        }
        return (double) right / scores.length;
    }

    /**
     * The threshold that maximises F1 on these (training) scores: every distinct score is tried as a cut-off,
     * ties broken towards the lower threshold.
     */
    public static double bestF1Threshold(double[] scores, int[] labels) {
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double best = -1;
        double bestThreshold = 0.5;
        long tp = 0;
        long predicted = 0;
        int i = 0;
        while (i < order.length) {
            double cut = scores[order[i]];
            while (i < order.length && scores[order[i]] == cut) {
                tp += labels[order[i]];
                predicted++;
                i++;
            }
            double f1 = 2.0 * tp / (predicted + positives);
            if (f1 >= best) {
                best = f1;
                bestThreshold = cut;
            }
        }
        return bestThreshold;
    }
}
