package dev.waymark.decision;

import java.util.List;
import java.util.Objects;

/**
 * Why a decision came out as it did: what a store manager sees as "why did this kiosk show that?".
 *
 * @param candidates   every candidate pre-selected for the channel and placement, in catalog order
 * @param segment      the learning segment the propensities were read from
 * @param controlGroup true when the holdout key is in the control group
 * @param wouldBe      for the control group, what would have been chosen without the holdout (for uplift);
 *                     empty otherwise
 */
public record Explanation(List<CandidateTrace> candidates, String segment, boolean controlGroup,
        List<SelectedAction> wouldBe) {

    public Explanation {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(segment, "segment");
        wouldBe = List.copyOf(wouldBe);
    }
}
