package dev.waymark.decision;

import dev.waymark.decision.internal.BetaSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Beta-Bernoulli Thompson sampling per (action, segment), like Pega's adaptive models: each arm starts at the
 * prior, every outcome adds one success or one failure, and a decision draws a propensity from each arm's
 * posterior, so uncertain arms still get explored. Safe for concurrent updates and reads; starts no threads and
 * owns no randomness (the caller passes a seeded generator).
 */
public final class PropensityModel {

    private final double priorAlpha;
    private final double priorBeta;
    private final Map<Key, double[]> arms = new ConcurrentHashMap<>();

    private record Key(String actionId, String segment) {
    }

    private PropensityModel(double priorAlpha, double priorBeta) {
        this.priorAlpha = priorAlpha;
        this.priorBeta = priorBeta;
    }

    /** An untrained model with a uniform Beta(1, 1) prior. */
    public static PropensityModel uniform() {
        return withPrior(1, 1);
    }

    /**
     * An untrained model with prior Beta(alpha, beta); a weak prior near the expected rate (e.g. 1, 99 for ~1%)
     * keeps early draws sane.
     *
     * @throws IllegalArgumentException when alpha or beta is not positive
     */
    public static PropensityModel withPrior(double alpha, double beta) {
        return restore(new ModelSnapshot(alpha, beta, List.of()));
    }

    /** A model in the state of {@code snapshot}. */
    public static PropensityModel restore(ModelSnapshot snapshot) {
        PropensityModel model = new PropensityModel(snapshot.priorAlpha(), snapshot.priorBeta());
        for (ModelSnapshot.Arm arm : snapshot.arms()) {
            model.arms.put(new Key(arm.actionId(), arm.segment()), new double[] {arm.alpha(), arm.beta()});
        }
        return model;
    }

    /** Adds one success or failure to the outcome's arm. */
    public void update(Outcome outcome) {
        arms.compute(new Key(outcome.actionId(), outcome.segment()), (key, ab) -> {
            double alpha = ab == null ? priorAlpha : ab[0];
            double beta = ab == null ? priorBeta : ab[1];
            return outcome.success() ? new double[] {alpha + 1, beta} : new double[] {alpha, beta + 1};
        });
    }

    /** A draw from the arm's posterior Beta(alpha, beta), in [0, 1]. */
    public double sample(String actionId, String segment, RandomGenerator random) {
        double[] ab = arms.get(new Key(actionId, segment));
        return ab == null
                ? BetaSampler.sample(priorAlpha, priorBeta, random)
                : BetaSampler.sample(ab[0], ab[1], random);
    }

    /** The arm's posterior mean alpha / (alpha + beta). */
    public double mean(String actionId, String segment) {
        double[] ab = arms.get(new Key(actionId, segment));
        return ab == null ? priorAlpha / (priorAlpha + priorBeta) : ab[0] / (ab[0] + ab[1]);
    }

    /** The current state, sorted; restoring it gives a model that samples identically. */
    public ModelSnapshot snapshot() {
        List<ModelSnapshot.Arm> list = new ArrayList<>();
        arms.forEach((key, ab) -> list.add(new ModelSnapshot.Arm(key.actionId(), key.segment(), ab[0], ab[1])));
        return new ModelSnapshot(priorAlpha, priorBeta, list);
    }
}
