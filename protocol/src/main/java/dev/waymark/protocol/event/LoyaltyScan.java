package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.loyalty_scan}: a loyalty card was scanned; {@code loyaltyId} is personal (masked to a token).
 */
public record LoyaltyScan(String sessionId, String loyaltyId) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public LoyaltyScan {
        Check.text("sessionId", sessionId);
        Check.text("loyaltyId", loyaltyId);
    }
}
