package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.cart_remove}: an item was removed; {@code unitPrice} in minor units of {@code currency}.
 */
public record CartRemove(String sessionId, String sku, String category, int quantity, long unitPrice, String currency)
        implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public CartRemove {
        Check.text("sessionId", sessionId);
        Check.text("sku", sku);
        Check.text("category", category);
        Check.positive("quantity", quantity);
        Check.notNegative("unitPrice", unitPrice);
        Check.currency("currency", currency);
    }
}
