package dev.waymark.protocol.action;

import dev.waymark.protocol.internal.Check;

/**
 * The parts of a candidate's score: {@code total = propensity x value x weight}.
 *
 * @param propensity the sampled probability of acceptance, 0 to 1
 * @param value      the action's value in minor units
 * @param weight     the business weight, 0 or more
 * @param total      the product used for arbitration
 */
public record Score(double propensity, long value, double weight, double total) {

    /** Validates the ranges; throws IllegalArgumentException naming the field. */
    public Score {
        if (!(propensity >= 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity: must be 0 to 1, was " + propensity);
        }
        Check.notNegative("value", value);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight: must be finite and 0 or more, was " + weight);
        }
        if (!Double.isFinite(total)) {
            throw new IllegalArgumentException("total: must be finite, was " + total);
        }
    }
}
