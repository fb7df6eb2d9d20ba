package dev.waymark.decision.internal;

import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.ScoreParts;
import dev.waymark.decision.StageName;

/**
 * Scores each survivor as propensity x value x weight. The propensity is a Thompson draw from the action's Beta
 * posterior in the decision's segment (or its mean when exploration is off).
 */
public final class ScoringStage implements Stage {

    @Override
    public StageName name() {
        return StageName.SCORING;
    }

    @Override
    public void apply(DecisionState state) {
        boolean explore = state.policies().explore();
        for (Candidate candidate : state.candidates()) {
            if (!candidate.alive()) {
                continue;
            }
            ActionDefinition definition = candidate.definition();
            double propensity = explore
                    ? state.model().sample(definition.id(), state.segment(), state.random())
                    : state.model().mean(definition.id(), state.segment());
            candidate.score(ScoreParts.of(propensity, definition.value(), definition.weight()));
        }
    }
}
