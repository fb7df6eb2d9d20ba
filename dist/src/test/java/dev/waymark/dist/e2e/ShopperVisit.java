package dev.waymark.dist.e2e;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shopper's visit at a kiosk screen, as a test drives it: a session started explicitly, the loyalty card
 * scanned, the visit's own captures, the session ended explicitly. Every event the agent acknowledged ({@code kind:
 * stored}) is kept in the visit's ledger; a refused capture fails the test, since nothing of it was stored.
 */
final class ShopperVisit {

    /** A capture that only acquires a permit to go, so a test can pace its traffic. */
    @FunctionalInterface
    interface Pace {
        void awaitTurn() throws InterruptedException;
    }

    /** One acknowledged event, as the agent's reply named it. */
    record Stored(String id, long sequence, String type) {
    }

    /**
     * What the kiosk acknowledged for one visit.
     *
     * @param loyaltyId the card number as scanned (raw, before the kiosk masked it)
     * @param byType    acknowledged events by CloudEvents type, sorted by type
     * @param events    the acknowledged events, in capture order
     */
    record Acknowledged(String loyaltyId, Map<String, Long> byType, List<Stored> events) {

        /** Events acknowledged in all. */
        long total() {
            return events.size();
        }
    }

    private ShopperVisit() {
    }

    /** A capture as the UI sends it. */
    static JsonObject capture(String type, JsonObject data) {
        return new JsonObject().put("type", type).put("data", data);
    }

    /** Browsing: {@code products} product views with a cart add for each second one. */
    static List<JsonObject> browsing(int products) {
        List<JsonObject> captures = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            String sku = "SKU-" + (1000 + i);
            captures.add(capture("wm.kiosk.product_view", new JsonObject().put("sku", sku).put("category", "shoes")
                    .put("price", 8_900 + i).put("currency", "EUR")));
            if (i % 2 == 0) {
                captures.add(capture("wm.kiosk.cart_add", new JsonObject().put("sku", sku).put("category", "shoes")
                        .put("quantity", 1).put("unitPrice", 8_900 + i).put("currency", "EUR")));
            }
        }
        return captures;
    }

    /** Walks one visit through {@code screen}; each capture waits for {@code pace} first. */
    static Acknowledged walk(KioskSocket screen, String loyaltyId, List<JsonObject> captures, Pace pace)
            throws Exception {
        List<JsonObject> all = new ArrayList<>();
        all.add(capture("wm.kiosk.session_start", new JsonObject()));
        all.add(capture("wm.kiosk.loyalty_scan", new JsonObject().put("loyaltyId", loyaltyId)));
        all.addAll(captures);
        all.add(capture("wm.kiosk.session_end", new JsonObject()));
        Map<String, Long> byType = new TreeMap<>();
        List<Stored> stored = new ArrayList<>();
        for (JsonObject capture : all) {
            pace.awaitTurn();
            JsonObject reply = screen.capture(capture.getString("type"), capture.getJsonObject("data"));
            if (!"stored".equals(reply.getString("kind"))) {
                throw new AssertionError("the kiosk refused " + capture.getString("type") + ": "
                        + reply.getString("field") + " " + reply.getString("reason"));
            }
            reply.getJsonArray("events").forEach(item -> {
                JsonObject event = (JsonObject) item;
                byType.merge(event.getString("type"), 1L, Long::sum);
                stored.add(new Stored(event.getString("id"), event.getLong("sequence"), event.getString("type")));
            });
        }
        return new Acknowledged(loyaltyId, byType, stored);
    }

    /** {@link #walk} without pacing. */
    static Acknowledged walk(KioskSocket screen, String loyaltyId, List<JsonObject> captures) throws Exception {
        return walk(screen, loyaltyId, captures, () -> { });
    }
}
