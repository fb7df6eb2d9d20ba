package dev.waymark.decision.internal;

import dev.waymark.decision.ControlGroupPolicy;
import dev.waymark.decision.StageName;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Holds out marketing for keys in the control group. Before removing anything it runs the remaining stages on a
 * copy, so the explanation logs what the customer would have got: the treated-versus-control comparison measures
 * uplift against that would-be decision. Care and service are never held out.
 */
public final class ControlGroupStage implements Stage {

    private final List<Stage> rest;

    /** @param rest the stages after this one, run on a copy for the would-be decision */
    public ControlGroupStage(List<Stage> rest) {
        this.rest = List.copyOf(rest);
    }

    @Override
    public StageName name() {
        return StageName.CONTROL_GROUP;
    }

    @Override
    public void apply(DecisionState state) {
        ControlGroupPolicy policy = state.policies().controlGroup();
        if (!HoldoutHash.inControlGroup(policy.salt(), state.request().holdoutKey(), policy.percent())) {
            return;
        }
        state.controlGroup(true);
        // The would-be run gets a generator seeded from the decision's, so both runs stay reproducible.
        DecisionState wouldBe = state.copy(new SplittableRandom(state.random().nextLong()));
        for (Stage stage : rest) {
            stage.apply(wouldBe);
        }
        state.wouldBe(wouldBe.selected());
        for (Candidate candidate : state.candidates()) {
            if (candidate.alive() && candidate.category().isMarketing()) {
                candidate.remove(name(), "control group holds out marketing (" + policy.percent() + "% of keys)");
            }
        }
    }
}
