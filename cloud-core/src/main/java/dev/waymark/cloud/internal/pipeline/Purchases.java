package dev.waymark.cloud.internal.pipeline;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The value of a purchase event in minor units: a kiosk purchase's total, or a web order's Segment total. */
final class Purchases {

    private Purchases() {
    }

    static long value(CloudEvent event) {
        if (event.data() instanceof Purchase purchase) {
            return purchase.total();
        }
        if (event.data() instanceof WebTrack track) {
            // Segment's Order Completed carries total (or revenue) in major units, e.g. 27.50.
            for (String field : new String[] {"total", "revenue"}) {
                JsonValue value = track.properties().get(field);
                if (value instanceof JsonNumber number) {
                    BigDecimal minor = number.bigDecimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP);
                    // A hostile total must not stop the pipeline: clamp into what a long holds.
                    return minor.max(BigDecimal.ZERO).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
                }
            }
        }
        return 0;
    }
}
