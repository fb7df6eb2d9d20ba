package dev.waymark.decision.internal;

import dev.cel.runtime.CelEvaluationException;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.decision.StageName;

/**
 * Removes actions outside their validity window, actions that need a profile the request lacks (not
 * edge-decidable, at the edge), and actions whose rule is false or cannot be evaluated on these facts (a missing
 * key, a wrong type): a rule error removes that one candidate, never the decision.
 */
public final class EligibilityStage implements Stage {

    @Override
    public StageName name() {
        return StageName.ELIGIBILITY;
    }

    @Override
    public void apply(DecisionState state) {
        boolean hasProfile = state.request().profile().isPresent();
        for (Candidate candidate : state.candidates()) {
            if (!candidate.alive()) {
                continue;
            }
            ActionDefinition definition = candidate.definition();
            if (!definition.isValidAt(state.request().now())) {
                candidate.remove(name(), "outside validity window [" + definition.validFrom() + ", "
                        + definition.validUntil() + ")");
            } else if (!hasProfile && !definition.edgeDecidable()) {
                candidate.remove(name(), "needs the profile (not edge-decidable) and the request has none");
            } else if (!candidate.action().alwaysTrue()) {
                evaluate(candidate, state);
            }
        }
    }

    private void evaluate(Candidate candidate, DecisionState state) {
        try {
            Object result = candidate.action().program().eval(state.activation());
            if (!Boolean.TRUE.equals(result)) {
                candidate.remove(name(), "rule is false");
            }
        } catch (CelEvaluationException e) {
            candidate.remove(name(), "rule could not be evaluated: " + e.getMessage());
        }
    }
}
