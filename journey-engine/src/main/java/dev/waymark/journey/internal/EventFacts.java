package dev.waymark.journey.internal;

import dev.waymark.protocol.Channel;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.CartRemove;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.WebScreen;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What the engine needs from an event, read from the typed kiosk payloads or, for web/app track calls, from
 * Segment e-commerce properties ({@code sku} or {@code product_id}, {@code category}, {@code quantity},
 * {@code price} in major units, {@code order_id}, {@code total} or {@code revenue}, plus {@code topic}).
 *
 * @param channel kiosk for device sources; app for screen calls and calls whose context names an app; else web
 * @param sessionId the session id the event carries, if any (kiosk payloads do; web calls do not)
 * @param sku product, {@code ""} if none
 * @param category product category, {@code ""} if none
 * @param quantity units, at least 1
 * @param unitPrice minor units
 * @param orderId order id of a purchase, {@code ""} if none
 * @param topic service topic, {@code "general"} if none
 */
public record EventFacts(Channel channel, Optional<String> sessionId, String sku, String category, int quantity,
        long unitPrice, String orderId, String topic) {

    /** Minor units per major unit assumed for web prices; Segment sends decimals such as 19.99. */
    private static final int MINOR_PER_MAJOR = 100;

    public static EventFacts of(CloudEvent event) {
        Object data = event.data();
        Channel channel = channel(event);
        Optional<String> session = FieldPath.text(data, "sessionId");
        if (data instanceof ProductView v) {
            return new EventFacts(channel, session, v.sku(), v.category(), 1, v.price(), "", "general");
        }
        if (data instanceof CartAdd a) {
            return new EventFacts(channel, session, a.sku(), a.category(), a.quantity(), a.unitPrice(), "", "general");
        }
        if (data instanceof CartRemove r) {
            return new EventFacts(channel, session, r.sku(), r.category(), r.quantity(), r.unitPrice(), "",
                    "general");
        }
        if (data instanceof Purchase p) {
            return new EventFacts(channel, session, "", "", 1, p.total(), p.orderId(), "general");
        }
        if (data instanceof ServiceRequest s) {
            return new EventFacts(channel, session, "", "", 1, 0, "", s.topic());
        }
        if (data instanceof WebTrack t) {
            JsonObject p = t.properties();
            String sku = text(p, "sku").or(() -> text(p, "product_id")).orElse("");
            int quantity = text(p, "quantity").flatMap(EventFacts::integer).filter(q -> q > 0).orElse(1);
            long price = text(p, "price").flatMap(EventFacts::minor).orElse(0L);
            String order = text(p, "order_id").orElse("");
            if (!order.isEmpty()) {
                price = text(p, "total").or(() -> text(p, "revenue")).flatMap(EventFacts::minor).orElse(0L);
            }
            return new EventFacts(channel, Optional.empty(), sku, text(p, "category").orElse(""), quantity, price,
                    order, text(p, "topic").orElse("general"));
        }
        return new EventFacts(channel, session, "", "", 1, 0, "", "general");
    }

    private static Channel channel(CloudEvent event) {
        if (event.parsedSource().isDevice()) {
            return Channel.KIOSK;
        }
        if (event.data() instanceof WebScreen) {
            return Channel.APP;
        }
        return FieldPath.value(event.data(), "context.app").isPresent() ? Channel.APP : Channel.WEB;
    }

    private static Optional<String> text(JsonObject o, String field) {
        return FieldPath.text(o, field).filter(s -> !s.isBlank());
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(new BigDecimal(s).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> minor(String s) {
        try {
            BigDecimal major = new BigDecimal(s);
            return major.signum() < 0 ? Optional.empty() : Optional.of(major.multiply(BigDecimal.valueOf(
                    MINOR_PER_MAJOR)).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
