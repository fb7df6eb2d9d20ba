package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.cart_add} (schema 2): an item was added; {@code unitPrice} in minor units of {@code currency}.
 * Schema 1 carried {@code price} in major units and no currency; the codec upcasts it.
 */
public record CartAdd(String sessionId, String sku, String category, int quantity, long unitPrice, String currency)
        implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public CartAdd {
        Check.text("sessionId", sessionId);
        Check.text("sku", sku);
        Check.text("category", category);
        Check.positive("quantity", quantity);
        Check.notNegative("unitPrice", unitPrice);
        Check.currency("currency", currency);
    }
}
