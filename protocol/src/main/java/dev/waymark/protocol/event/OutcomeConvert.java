package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.outcome.convert}: an action led to a conversion worth {@code value} minor units of {@code currency}.
 */
public record OutcomeConvert(String actionId, String decisionId, String placement, long value, String currency)
        implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public OutcomeConvert {
        Check.text("actionId", actionId);
        Check.text("decisionId", decisionId);
        Check.text("placement", placement);
        Check.notNegative("value", value);
        Check.currency("currency", currency);
    }
}
