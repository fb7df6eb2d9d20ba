package dev.waymark.decision;

import dev.waymark.decision.internal.ProtocolMapping;
import dev.waymark.protocol.action.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A decision: the actions chosen (possibly none) and the explanation.
 *
 * @param decisionId  the request's id
 * @param mode        the request's mode
 * @param decidedAt   the request's {@code now}
 * @param actions     chosen actions, best first; empty means "nothing at all"
 * @param explanation every candidate's fate
 */
public record DecisionResult(String decisionId, DecisionMode mode, Instant decidedAt, List<SelectedAction> actions,
        Explanation explanation) {

    public DecisionResult {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(decidedAt, "decidedAt");
        actions = List.copyOf(actions);
        Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * The decision as the protocol records it ({@code dev.waymark.protocol.action.Decision}), for
     * {@code profileKey} (the request's holdout key). The control group's would-be decision has no field there;
     * hosts that measure uplift keep {@link Explanation#wouldBe()} beside it.
     */
    public Decision toProtocol(String profileKey) {
        return ProtocolMapping.toProtocol(this, profileKey);
    }

    /** The contacts this decision makes once delivered, for the host to add to the customer's history. */
    public List<Contact> contacts() {
        return actions.stream()
                .map(action -> new Contact(action.actionId(), action.channel(), action.category(), decidedAt))
                .toList();
    }
}
