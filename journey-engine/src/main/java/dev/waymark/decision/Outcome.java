package dev.waymark.decision;

import java.util.Objects;

/**
 * What became of a shown action, for learning: {@code success} is an accept or conversion; an impression that was
 * dismissed or ignored is a failure. Report each shown action once.
 *
 * @param actionId the action
 * @param segment  the segment from the decision's {@link Explanation#segment()}
 * @param success  true for accept/convert
 */
public record Outcome(String actionId, String segment, boolean success) {

    public Outcome {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(segment, "segment");
    }
}
