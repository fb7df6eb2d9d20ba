package dev.waymark.decision.internal;

import dev.waymark.decision.StageName;
import java.util.Comparator;
import java.util.List;

/** Ranks the scored survivors, best first (ties by catalog order), and keeps the top N of the policy. */
public final class ArbitrationStage implements Stage {

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate candidate) -> candidate.score().score()).reversed()
            .thenComparingInt(candidate -> candidate.action().ordinal());

    @Override
    public StageName name() {
        return StageName.ARBITRATION;
    }

    @Override
    public void apply(DecisionState state) {
        List<Candidate> live = state.alive();
        live.sort(BEST_FIRST);
        int keep = state.policies().maxActions();
        for (int rank = keep; rank < live.size(); rank++) {
            live.get(rank).remove(name(), "ranked " + (rank + 1) + " of " + live.size() + "; top " + keep + " kept");
        }
        state.ranked(live.subList(0, Math.min(keep, live.size())));
    }
}
