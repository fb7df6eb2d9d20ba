package dev.waymark.decision;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A propensity model's state, for the decision bundle: the prior and every arm's Beta posterior, sorted by action
 * and segment so equal models give equal snapshots.
 *
 * @param priorAlpha prior successes + 1 style pseudo-count, > 0
 * @param priorBeta  prior failures pseudo-count, > 0
 * @param arms       the learned arms
 */
public record ModelSnapshot(double priorAlpha, double priorBeta, List<Arm> arms) {

    public ModelSnapshot {
        if (!(priorAlpha > 0) || !(priorBeta > 0)) {
            throw new IllegalArgumentException("priorAlpha/priorBeta: must be > 0");
        }
        arms = arms.stream()
                .sorted(Comparator.comparing(Arm::actionId).thenComparing(Arm::segment))
                .toList();
    }

    /**
     * One arm: Beta(alpha, beta) over an action's success rate in one segment.
     *
     * @throws IllegalArgumentException when alpha or beta is not positive
     */
    public record Arm(String actionId, String segment, double alpha, double beta) {
        public Arm {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(segment, "segment");
            if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("alpha/beta: arm " + actionId + "/" + segment + " must be > 0");
            }
        }
    }
}
