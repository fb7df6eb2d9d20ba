package dev.waymark.decision;

/**
 * How a candidate's score was made: propensity x value x weight (Pega's P x V x L, with the context weight folded
 * into the propensity's segment).
 *
 * @param propensity the sampled (or mean) chance of success in the decision's segment, 0..1
 * @param value      the action's value
 * @param weight     the action's business weight
 * @param score      their product
 */
public record ScoreParts(double propensity, double value, double weight, double score) {

    /** Multiplies the parts. */
    public static ScoreParts of(double propensity, double value, double weight) {
        return new ScoreParts(propensity, value, weight, propensity * value * weight);
    }
}
