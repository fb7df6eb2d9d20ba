package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.outcome.accept}: an action was accepted at a placement.
 */
public record OutcomeAccept(String actionId, String decisionId, String placement) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public OutcomeAccept {
        Check.text("actionId", actionId);
        Check.text("decisionId", decisionId);
        Check.text("placement", placement);
    }
}
