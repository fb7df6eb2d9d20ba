package dev.waymark.decision.offline;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;

/**
 * Off-policy estimators of a target policy's click rate from a log: self-normalised inverse propensity scoring
 * (SNIPS, Swaminathan and Joachims 2015) with paired-bootstrap intervals, and the replay method (Li, Chu, Langford
 * and Wang, WSDM 2011) with Wilson score intervals.
 */
final class OffPolicyEstimates {

    private OffPolicyEstimates() {
    }

    /** An estimate with its 95% interval and the number of rounds it rests on. */
    record Estimate(double value, double low, double high, int rounds) {
        boolean covers(double truth) {
            return low <= truth && truth <= high;
        }
    }

    /** A 95% interval of a difference between two rates. */
    record Difference(double value, double low, double high) {
    }

    /**
     * SNIPS: sum(w r) / sum(w) with w = target(item | segment) / propensity; 95% bootstrap percentile interval over
     * {@code resamples} resamples of the rounds.
     */
    static Estimate snips(List<LoggedEvent> log, ToDoubleBiFunction<String, Integer> target, int resamples,
            RandomGenerator random) {
        Difference same = snipsDifference(log, target, (segment, item) -> 0, resamples, random);
        return new Estimate(same.value(), same.low(), same.high(), log.size());
    }

    /**
     * SNIPS of {@code target} minus SNIPS of {@code baseline} on the same rounds, with a paired bootstrap
     * percentile interval (each resample scores both policies on the same rounds).
     */
    static Difference snipsDifference(List<LoggedEvent> log, ToDoubleBiFunction<String, Integer> target,
            ToDoubleBiFunction<String, Integer> baseline, int resamples, RandomGenerator random) {
        int n = log.size();
        double[] weights = new double[n];
        double[] baseWeights = new double[n];
        double[] rewards = new double[n];
        for (int i = 0; i < n; i++) {
            LoggedEvent event = log.get(i);
            weights[i] = target.applyAsDouble(event.segment(), event.item()) / event.propensity();
            baseWeights[i] = baseline.applyAsDouble(event.segment(), event.item()) / event.propensity();
            rewards[i] = event.click() ? 1 : 0;
        }
        double point = ratio(weights, rewards, null) - ratio(baseWeights, rewards, null);
        double[] boot = new double[resamples];
        int[] pick = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                pick[i] = random.nextInt(n);
            }
            boot[b] = ratio(weights, rewards, pick) - ratio(baseWeights, rewards, pick);
        }
        Arrays.sort(boot);
        return new Difference(point, boot[(int) Math.floor(0.025 * (resamples - 1))],
                boot[(int) Math.ceil(0.975 * (resamples - 1))]);
    }

    /**
     * A click rate with the Wilson score 95% interval (a normal approximation that stays sensible at zero clicks,
     * where the plain one collapses to a point).
     */
    static Estimate wilson(int clicks, int rounds) {
        double z = 1.96;
        double p = rounds == 0 ? 0 : (double) clicks / rounds;
        double denominator = 1 + z * z / rounds;
        double centre = (p + z * z / (2.0 * rounds)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / rounds + z * z / (4.0 * rounds * rounds)) / denominator;
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half), rounds);
    }

    /** Wilson interval of the clicks the replay kept. */
    static Estimate replay(boolean[] matchedClicks) {
        int clicks = 0;
        for (boolean click : matchedClicks) {
            clicks += click ? 1 : 0;
        }
        return wilson(clicks, matchedClicks.length);
    }

    /** a minus b for independent Wilson estimates: Newcombe's hybrid score interval (Stat. Med. 17, 1998, #10). */
    static Difference newcombe(Estimate a, Estimate b) {
        double d = a.value() - b.value();
        double low = d - Math.sqrt(sq(a.value() - a.low()) + sq(b.high() - b.value()));
        double high = d + Math.sqrt(sq(a.high() - a.value()) + sq(b.value() - b.low()));
        return new Difference(d, low, high);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double ratio(double[] weights, double[] rewards, int[] pick) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < weights.length; i++) {
            int j = pick == null ? i : pick[i];
            num += weights[j] * rewards[j];
            den += weights[j];
        }
        return den == 0 ? 0 : num / den;
    }
}
