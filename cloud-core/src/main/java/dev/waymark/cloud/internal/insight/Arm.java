package dev.waymark.cloud.internal.insight;

import dev.waymark.cloud.internal.insight.KpiRecorder.DecisionFact;

/** Which side of the uplift comparison a decision is on. */
enum Arm {
    /** Actions were chosen and shown to a profile outside the holdout. */
    TREATED,
    /** The profile was held out; its would-be actions were logged. */
    CONTROL,
    /** Nothing was chosen (or held out with nothing it would have chosen): neither arm. */
    NONE;

    static Arm of(DecisionFact fact) {
        if (fact.controlGroup()) {
            return fact.wouldBe().isEmpty() ? NONE : CONTROL;
        }
        return fact.chosen().isEmpty() ? NONE : TREATED;
    }

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
