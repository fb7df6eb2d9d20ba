package dev.waymark.journey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A stratified train/test split: each class is shuffled (Fisher-Yates with the given generator) and cut at the
 * same fraction, so both parts keep the class balance.
 *
 * @param train row indices in the training part, ascending
 * @param test row indices in the held-out part, ascending
 */
public record StratifiedSplit(int[] train, int[] test) {

    /** Splits rows by their 0/1 label; {@code trainFraction} of each class goes to {@code train}. */
    public static StratifiedSplit of(int[] labels, double trainFraction, RandomGenerator random) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int label = 0; label <= 1; label++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    rows.add(i);
                }
            }
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer swap = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, swap);
            }
            int cut = (int) Math.round(rows.size() * trainFraction);
            train.addAll(rows.subList(0, cut));
            test.addAll(rows.subList(cut, rows.size()));
        }
        return new StratifiedSplit(train.stream().mapToInt(Integer::intValue).sorted().toArray(),
                test.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
}
