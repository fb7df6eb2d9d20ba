package dev.waymark.dist.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCatalog;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.UlidGenerator;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShopperScriptTest {

    private static final ShopperShapes SHAPES = ShopperShapes.load();
    private static final ShopperHabits HABITS = ShopperHabits.defaults();
    private static final Customers CUSTOMERS = Customers.generate(50, 7);
    private static final int VISITS = 6_000;

    @Test
    void generate_sameSeed_drawsTheSameVisits() {
        SplittableRandom one = new SplittableRandom(42);
        SplittableRandom two = new SplittableRandom(42);

        for (int i = 0; i < 50; i++) {
            assertThat(ShopperScript.generate(SHAPES, CUSTOMERS, one))
                    .isEqualTo(ShopperScript.generate(SHAPES, CUSTOMERS, two));
        }
    }

    @Test
    void generate_otherSeed_drawsOtherVisits() {
        List<ShopperScript> one = visits(1, 20);
        List<ShopperScript> two = visits(2, 20);

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void manyVisits_cartAndPurchaseSharesFollowTheShapes() {
        List<ShopperScript> visits = visits(3, VISITS);

        long withCart = visits.stream().filter(v -> v.count("wm.kiosk.cart_add") > 0).count();
        long bought = visits.stream().filter(v -> v.ending() == ShopperScript.Ending.PURCHASE).count();
        assertThat((double) withCart / VISITS).isCloseTo(SHAPES.cartVisitShare(), within(0.015));
        assertThat((double) bought / withCart).isCloseTo(SHAPES.cartVisitOrderShare(), within(0.04));
        double cartsPerCartVisit = visits.stream().filter(v -> v.count("wm.kiosk.cart_add") > 0)
                .mapToLong(v -> v.count("wm.kiosk.cart_add")).average().orElseThrow();
        assertThat(cartsPerCartVisit).isCloseTo(SHAPES.cartsPerCartVisit().mean(), within(0.2));
    }

    @Test
    void manyVisits_withoutPurchase_walkAwayOrEndAtTheHabitsShares() {
        List<ShopperScript> visits = visits(4, VISITS);

        List<ShopperScript> notBought = visits.stream()
                .filter(v -> v.ending() != ShopperScript.Ending.PURCHASE).toList();
        long walkedAway = notBought.stream().filter(v -> v.ending() == ShopperScript.Ending.WALK_AWAY).count();
        assertThat((double) walkedAway / notBought.size()).isCloseTo(1 - HABITS.explicitEndShare(), within(0.03));
        assertThat(notBought).filteredOn(v -> v.ending() == ShopperScript.Ending.WALK_AWAY)
                .allSatisfy(v -> assertThat(v.count("wm.kiosk.session_end")).isZero());
        assertThat(notBought).filteredOn(v -> v.ending() == ShopperScript.Ending.EXPLICIT_END)
                .allSatisfy(v -> assertThat(last(v).type()).isEqualTo("wm.kiosk.session_end"));
    }

    @Test
    void manyVisits_loyaltyScansAndServiceRequestsAtTheHabitsShares() {
        List<ShopperScript> visits = visits(5, VISITS);

        long scanned = visits.stream().filter(v -> v.count("wm.kiosk.loyalty_scan") == 1).count();
        long service = visits.stream().filter(v -> v.count("wm.kiosk.service_request") == 1).count();
        assertThat((double) scanned / VISITS).isCloseTo(HABITS.loyaltyScanShare(), within(0.02));
        assertThat((double) service / VISITS).isCloseTo(HABITS.serviceRequestShare(), within(0.015));
        assertThat(visits).allSatisfy(v -> assertThat(v.customer().isPresent())
                .isEqualTo(v.count("wm.kiosk.loyalty_scan") == 1));
    }

    @Test
    void everyVisit_startsTheSessionAndKeepsGapsWithinTheCap() {
        for (ShopperScript visit : visits(6, 1_000)) {
            assertThat(visit.captures().get(0).type()).isEqualTo("wm.kiosk.session_start");
            assertThat(visit.captures().get(0).at()).isZero();
            for (int i = 1; i < visit.captures().size(); i++) {
                Duration gap = visit.captures().get(i).at().minus(visit.captures().get(i - 1).at());
                assertThat(gap).isBetween(Duration.ZERO, HABITS.maxGap());
            }
        }
    }

    @Test
    void purchase_paysForTheWholeCart() {
        List<ShopperScript> bought = visits(7, 3_000).stream()
                .filter(v -> v.ending() == ShopperScript.Ending.PURCHASE).toList();

        assertThat(bought).isNotEmpty().allSatisfy(visit -> {
            long added = 0;
            for (ShopperScript.TimedCapture capture : visit.captures()) {
                if (capture.type().equals("wm.kiosk.cart_add")) {
                    JsonObject data = new JsonObject(capture.json()).getJsonObject("data");
                    added += data.getLong("unitPrice") * data.getInteger("quantity");
                }
            }
            JsonObject purchase = data(visit, "wm.kiosk.purchase");
            long items = 0;
            for (Object item : purchase.getJsonArray("items")) {
                JsonObject line = (JsonObject) item;
                items += line.getLong("unitPrice") * line.getInteger("quantity");
            }
            assertThat(purchase.getLong("total")).isEqualTo(added).isEqualTo(items);
            assertThat(data(visit, "wm.kiosk.checkout_start").getLong("cartTotal")).isEqualTo(added);
        });
    }

    @Test
    void everyCapture_passesTheProtocolCodecOnceTheAgentAddedItsSessionFields() {
        EventCodec codec = EventCodec.create();
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new Random(1));
        long sequence = 0;
        List<String> rejected = new ArrayList<>();
        for (ShopperScript visit : visits(8, 1_000)) {
            for (ShopperScript.TimedCapture capture : visit.captures()) {
                byte[] event = asTheAgentStoresIt(new JsonObject(capture.json()), ids.next().toString(), ++sequence);
                if (codec.decode(event) instanceof Decoded.Rejected<?> r) {
                    rejected.add(capture.type() + " " + r.rejection().message());
                }
            }
        }

        assertThat(rejected).isEmpty();
    }

    @Test
    void outcomeCaptures_passTheProtocolCodec() {
        JsonObject accept = KioskCaptures.outcome("wm.outcome.accept", "cart-rescue-10", "dec-1", "kiosk-banner");
        JsonObject dismiss = KioskCaptures.outcome("wm.outcome.dismiss", "cart-rescue-10", "dec-1", "kiosk-banner");
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new Random(2));

        assertThat(EventCodec.create().decode(asTheAgentStoresIt(accept, ids.next().toString(), 1)))
                .isInstanceOf(Decoded.Accepted.class);
        assertThat(EventCodec.create().decode(asTheAgentStoresIt(dismiss, ids.next().toString(), 2)))
                .isInstanceOf(Decoded.Accepted.class);
    }

    /**
     * The envelope the agent puts around a capture (docs/edge.md): id, source, time, sequence, and in kiosk data the
     * session id, plus the duration of a session end; masking is left out, it only replaces values.
     */
    private static byte[] asTheAgentStoresIt(JsonObject capture, String id, long sequence) {
        String type = capture.getString("type");
        JsonObject data = capture.getJsonObject("data").copy();
        if (type.startsWith("wm.kiosk.")) {
            data.put("sessionId", "ks-0123456789abcdef0123");
        }
        if (type.equals("wm.kiosk.session_end")) {
            data.put("durationMs", 61_000);
        }
        JsonObject event = new JsonObject().put("specversion", "1.0").put("id", id)
                .put("source", "wm:/s/store-1/d/kiosk-1").put("type", type).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", EventCatalog.find(type).map(EventType::dataschema).orElse("unknown"))
                .put("wmseq", sequence).put("data", data);
        return event.encode().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject data(ShopperScript visit, String type) {
        return visit.captures().stream().filter(c -> c.type().equals(type)).findFirst()
                .map(c -> new JsonObject(c.json()).getJsonObject("data")).orElseThrow();
    }

    private static ShopperScript.TimedCapture last(ShopperScript visit) {
        return visit.captures().get(visit.captures().size() - 1);
    }

    private static List<ShopperScript> visits(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ShopperScript> visits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            visits.add(ShopperScript.generate(SHAPES, HABITS, CUSTOMERS, random.split()));
        }
        return visits;
    }
}
