package dev.waymark.cloud.internal.insight;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Conversion uplift: the treated arm's conversion rate minus the control arm's, with a 95% confidence interval
 * from the normal approximation for the difference of two independent proportions (Wald):
 * {@code d ± 1.96 · sqrt(pt(1−pt)/nt + pc(1−pc)/nc)}. The interval is withheld, with the reason, when an arm has
 * fewer decisions than the minimum or when its standard error is 0 (every decision in both arms converted, or none
 * did), where the approximation says nothing.
 *
 * @param value  treated rate minus control rate; empty when an arm has no decisions
 * @param ci95   the interval {@code [low, high]}; empty when withheld
 * @param reason how the interval was made, or why there is none
 */
public record Uplift(Optional<Double> value, Optional<Uplift.Interval> ci95, String reason) {

    /** A confidence interval. */
    public record Interval(double low, double high) {
    }

    /** The two-sided 95% quantile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;
    static final String WALD = "Wald 95% interval, normal approximation for a difference of two proportions";

    /** Compares {@code treated} with {@code control}; an interval only when each arm has {@code minArm} or more. */
    public static Uplift of(Proportion treated, Proportion control, int minArm) {
        if (treated.n() == 0 || control.n() == 0) {
            return new Uplift(Optional.empty(), Optional.empty(),
                    "no " + (treated.n() == 0 ? "treated" : "control") + " decisions in the period");
        }
        double difference = treated.rate() - control.rate();
        if (treated.n() < minArm || control.n() < minArm) {
            return new Uplift(Optional.of(difference), Optional.empty(), "too few decisions for an interval: "
                    + treated.n() + " treated and " + control.n() + " control, at least " + minArm + " per arm");
        }
        double se = Math.sqrt(variance(treated) + variance(control));
        if (se == 0) {
            return new Uplift(Optional.of(difference), Optional.empty(),
                    "no interval: every decision in both arms converted, or none did (standard error 0)");
        }
        double half = Z95 * se;
        return new Uplift(Optional.of(difference), Optional.of(new Interval(difference - half, difference + half)),
                WALD);
    }

    private static double variance(Proportion arm) {
        double p = arm.rate();
        return p * (1 - p) / arm.n();
    }

    /** {@code {"value", "ci95": [low, high] | null, "reason"}}. */
    public JsonObject toJson() {
        return new JsonObject().put("value", value.orElse(null))
                .put("ci95", ci95.map(ci -> new JsonArray().add(ci.low()).add(ci.high())).orElse(null))
                .put("reason", reason);
    }
}
