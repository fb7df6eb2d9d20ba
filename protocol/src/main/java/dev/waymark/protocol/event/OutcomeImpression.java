package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.outcome.impression}: an action was shown at a placement.
 */
public record OutcomeImpression(String actionId, String decisionId, String placement) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public OutcomeImpression {
        Check.text("actionId", actionId);
        Check.text("decisionId", decisionId);
        Check.text("placement", placement);
    }
}
