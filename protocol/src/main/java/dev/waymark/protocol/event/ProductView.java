package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

/**
 * {@code wm.kiosk.product_view}: a product was shown; {@code price} in minor units of {@code currency}.
 */
public record ProductView(String sessionId, String sku, String category, long price, String currency)
        implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public ProductView {
        Check.text("sessionId", sessionId);
        Check.text("sku", sku);
        Check.text("category", category);
        Check.notNegative("price", price);
        Check.currency("currency", currency);
    }
}
