package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.outcome.dismiss}: an action was dismissed at a placement.
 */
public record OutcomeDismiss(String actionId, String decisionId, String placement) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public OutcomeDismiss {
        Check.text("actionId", actionId);
        Check.text("decisionId", decisionId);
        Check.text("placement", placement);
    }
}
