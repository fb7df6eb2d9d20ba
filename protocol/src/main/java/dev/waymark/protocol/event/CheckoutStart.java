package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.checkout_start}: checkout began; {@code cartTotal} in minor units of {@code currency}.
 */
public record CheckoutStart(String sessionId, int itemCount, long cartTotal, String currency) implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public CheckoutStart {
        Check.text("sessionId", sessionId);
        Check.notNegative("itemCount", itemCount);
        Check.notNegative("cartTotal", cartTotal);
        Check.currency("currency", currency);
    }
}
