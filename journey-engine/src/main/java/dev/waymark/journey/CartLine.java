package dev.waymark.journey;

import java.util.Objects;

/**
 * One line of the profile's cart.
 *
 * @param sku the product
 * @param category its category, {@code ""} when the event did not say
 * @param quantity units, at least 1
 * @param unitPrice price of one unit in minor units (cents)
 */
public record CartLine(String sku, String category, int quantity, long unitPrice) {

    public CartLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(category, "category");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: must be >= 1");
        }
        if (unitPrice < 0) {
            throw new IllegalArgumentException("unitPrice: must be >= 0");
        }
    }

    /** Quantity times unit price, in minor units. */
    public long value() {
        return quantity * unitPrice;
    }
}
