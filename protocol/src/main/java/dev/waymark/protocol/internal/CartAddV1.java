package dev.waymark.protocol.internal;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.Rejection;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.math.BigDecimal;

/**
 * The shape of {@code wm.kiosk.cart_add} version 1, kept only to upcast it: {@code price} was a number in major
 * units and there was no currency, because every version-1 deployment priced in euros. Version 2 carries
 * {@code unitPrice} in minor units (cents) and {@code currency}.
 */
record CartAddV1(String sessionId, String sku, String category, int quantity, BigDecimal price) {

    /** The currency every version-1 kiosk priced in. */
    static final String V1_CURRENCY = "EUR";

    /** Version-1 data (already checked against this shape) as version-2 data. */
    static Decoded<JsonObject> toV2(JsonObject v1) {
        BigDecimal price = v1.getJsonNumber("price").bigDecimalValue();
        if (price.signum() < 0) {
            return Decoded.rejected(Rejection.of("price", "must not be negative").under("data"));
        }
        long cents;
        try {
            // Exact: a price with fractions of a cent was never valid, so refuse rather than round money.
            cents = price.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            return Decoded.rejected(Rejection.of("price", "must be a whole number of cents").under("data"));
        }
        return Decoded.accepted(Json.createObjectBuilder()
                .add("sessionId", v1.get("sessionId"))
                .add("sku", v1.get("sku"))
                .add("category", v1.get("category"))
                .add("quantity", v1.get("quantity"))
                .add("unitPrice", cents)
                .add("currency", V1_CURRENCY)
                .build());
    }
}
