package dev.waymark.decision.internal;

import dev.waymark.decision.StageName;

/** One step of the decision pipeline: removes candidates (saying why) or annotates the survivors. */
public interface Stage {

    /** The stage's name, as explanations record it. */
    StageName name();

    /** Applies the stage to the live candidates of {@code state}. */
    void apply(DecisionState state);
}
