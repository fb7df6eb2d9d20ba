package dev.waymark.dist.internal.demo;

import dev.waymark.dist.internal.demo.DemoProducts.Product;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The kiosk UI's captures ({@code {"type": ..., "data": {...}}}, docs/edge.md) with the payload fields of
 * docs/protocol.md. No {@code sessionId}: the agent owns the session and writes its own.
 */
final class KioskCaptures {

    private KioskCaptures() {
    }

    static JsonObject sessionStart(String locale) {
        return capture("wm.kiosk.session_start", new JsonObject().put("locale", locale));
    }

    static JsonObject sessionEnd() {
        return capture("wm.kiosk.session_end", new JsonObject().put("reason", "explicit"));
    }

    static JsonObject screenView(String screen) {
        return capture("wm.kiosk.screen_view", new JsonObject().put("screen", screen));
    }

    static JsonObject productView(Product product) {
        return capture("wm.kiosk.product_view", new JsonObject().put("sku", product.sku())
                .put("category", product.category()).put("price", product.price())
                .put("currency", DemoProducts.CURRENCY));
    }

    /** A search for a category's name; the query is free text, which the agent drops unless told to scan it. */
    static JsonObject search(String category, int resultCount) {
        return capture("wm.kiosk.search", new JsonObject().put("query", category.replace('-', ' '))
                .put("resultCount", resultCount));
    }

    static JsonObject cartAdd(Product product, int quantity) {
        return capture("wm.kiosk.cart_add", new JsonObject().put("sku", product.sku())
                .put("category", product.category()).put("quantity", quantity).put("unitPrice", product.price())
                .put("currency", DemoProducts.CURRENCY));
    }

    static JsonObject checkoutStart(int itemCount, long cartTotal) {
        return capture("wm.kiosk.checkout_start", new JsonObject().put("itemCount", itemCount)
                .put("cartTotal", cartTotal).put("currency", DemoProducts.CURRENCY));
    }

    static JsonObject purchase(String orderId, Map<Product, Integer> cart, long total) {
        JsonArray items = new JsonArray();
        cart.forEach((product, quantity) -> items.add(new JsonObject().put("sku", product.sku())
                .put("quantity", quantity).put("unitPrice", product.price())));
        return capture("wm.kiosk.purchase", new JsonObject().put("orderId", orderId).put("total", total)
                .put("currency", DemoProducts.CURRENCY).put("items", items));
    }

    static JsonObject serviceRequest(String topic) {
        return capture("wm.kiosk.service_request", new JsonObject().put("topic", topic));
    }

    static JsonObject loyaltyScan(String loyaltyId) {
        return capture("wm.kiosk.loyalty_scan", new JsonObject().put("loyaltyId", loyaltyId));
    }

    static JsonObject consentUpdate(String purpose, boolean granted) {
        return capture("wm.kiosk.consent_update", new JsonObject().put("purpose", purpose).put("channel", "kiosk")
                .put("state", granted ? "granted" : "denied").put("evidence", "kiosk consent screen"));
    }

    /** The UI's answer to a shown action: {@code wm.outcome.accept} or {@code wm.outcome.dismiss}. */
    static JsonObject outcome(String type, String actionId, String decisionId, String placement) {
        return capture(type, new JsonObject().put("actionId", actionId).put("decisionId", decisionId)
                .put("placement", placement));
    }

    private static JsonObject capture(String type, JsonObject data) {
        return new JsonObject().put("type", type).put("data", data);
    }
}
