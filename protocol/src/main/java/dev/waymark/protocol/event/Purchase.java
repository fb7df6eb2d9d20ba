package dev.waymark.protocol.event;

import dev.waymark.protocol.Payload;
import dev.waymark.protocol.internal.Check;

import java.util.List;

/**
 * {@code wm.kiosk.purchase}: an order was placed; {@code total} in minor units of {@code currency}.
 */
public record Purchase(String sessionId, String orderId, long total, String currency, List<LineItem> items)
        implements Payload {

    /** Validates every field; throws IllegalArgumentException (or NullPointerException) naming the field. */
    public Purchase {
        Check.text("sessionId", sessionId);
        Check.text("orderId", orderId);
        Check.notNegative("total", total);
        Check.currency("currency", currency);
        items = Check.list("items", items);
    }
}
