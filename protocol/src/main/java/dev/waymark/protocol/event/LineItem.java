package dev.waymark.protocol.event;

import dev.waymark.protocol.internal.Check;

/**
 * One line of a {@link Purchase}; {@code unitPrice} in minor units of the purchase's currency.
 */
public record LineItem(String sku, int quantity, long unitPrice) {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public LineItem {
        Check.text("sku", sku);
        Check.positive("quantity", quantity);
        Check.notNegative("unitPrice", unitPrice);
    }
}
