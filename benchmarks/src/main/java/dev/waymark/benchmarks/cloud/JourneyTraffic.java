package dev.waymark.benchmarks.cloud;

import dev.waymark.cloud.EventLog;
import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.ConsentState;
import dev.waymark.protocol.event.ConsentUpdate;
import dev.waymark.protocol.event.LineItem;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.OutcomeImpression;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.Search;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionEnd;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Masked traffic as the log holds it (identifiers already {@code tok:} tokens): kiosk sessions over many stores and
 * devices (views, searches, cart adds, loyalty scans, consent, purchases, service requests, abandoned carts, edge
 * impressions) and web visitors (identify, product views, cart adds, orders), one visit after another, each device's
 * sequence numbers rising.
 * Abandoned carts and service requests make the journey engine raise intents, so triggered decisions happen.
 */
final class JourneyTraffic {

    private static final String WRITE_KEY = "wm_pk_bench";
    private final EventCodec codec = EventCodec.create();
    private final SplittableRandom random = new SplittableRandom(42);
    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC(), new SplittableRandom(7));
    private final Instant start;
    private final List<EventLog.Entry> entries = new ArrayList<>();
    private long clockMillis;

    private JourneyTraffic(Instant start) {
        this.start = start;
    }

    /** About {@code count} log entries, event times from {@code start} on (near now, so actions are still live). */
    static List<EventLog.Entry> of(int count, Instant start) {
        JourneyTraffic traffic = new JourneyTraffic(start);
        long[] sequences = new long[40 * 8];
        int visitor = 0;
        while (traffic.entries.size() < count) {
            int device = traffic.random.nextInt(sequences.length);
            if (traffic.random.nextInt(5) == 0) {
                traffic.webVisit(visitor++);
            } else {
                sequences[device] = traffic.kioskSession(device, sequences[device]);
            }
        }
        return List.copyOf(traffic.entries.subList(0, count));
    }

    private long kioskSession(int device, long sequence) {
        Source source = Source.device("store-" + (device / 8), "kiosk-" + (device % 8));
        String session = "ks_" + ids.next().toString().substring(16);
        String loyalty = "tok:" + Long.toHexString(random.nextLong(1L << 40));
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        List<Payload> events = new ArrayList<>();
        events.add(new SessionStart(session, "de-DE"));
        for (int i = random.nextInt(2, 6); i > 0; i--) {
            events.add(new ProductView(session, sku(), category, 4_999 + random.nextInt(20_000), "EUR"));
        }
        events.add(new Search(session, Optional.empty(), random.nextInt(4) == 0 ? 0 : 12));
        if (random.nextBoolean()) {
            events.add(new LoyaltyScan(session, loyalty));
            events.add(new ConsentUpdate(session, "marketing", "kiosk", ConsentState.GRANTED, Optional.empty()));
        }
        int adds = random.nextInt(3);
        for (int i = 0; i < adds; i++) {
            events.add(new CartAdd(session, sku(), category, 1, 6_999 + random.nextInt(10_000), "EUR"));
        }
        int ending = random.nextInt(10);
        if (ending < 3 && adds > 0) {
            events.add(new Purchase(session, "ORD-" + ids.next(), 19_998, "EUR",
                    List.of(new LineItem(sku(), 2, 9_999))));
        } else if (ending < 5) {
            events.add(new ServiceRequest(session, "fitting", Optional.empty()));
        } else if (ending == 5) {
            events.add(new OutcomeImpression("fitting-help", "edge-" + ids.next(), "kiosk-offer"));
        }
        events.add(new SessionEnd(session, random.nextBoolean() ? "timeout" : "checkout", 90_000));
        for (Payload payload : events) {
            add(source.toString(), CloudEvent.of(ids.next(), source, nextTime(), ++sequence, payload));
        }
        return sequence;
    }

    private void webVisit(int visitor) {
        Source source = Source.web(WRITE_KEY);
        Optional<String> cookie = Optional.of("anon-" + visitor);
        Optional<String> user = random.nextBoolean() ? Optional.of("tok:crm" + visitor) : Optional.empty();
        String key = "web:" + WRITE_KEY + ":" + user.orElse(cookie.get());
        JsonObject none = JsonObject.EMPTY_JSON_OBJECT;
        if (user.isPresent()) {
            JsonObject traits = Json.createObjectBuilder().add("loyaltyId", "tok:web" + visitor).build();
            add(key, CloudEvent.of(ids.next(), source, nextTime(), 0, new WebIdentify(cookie, user, traits, none)));
        }
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            add(key, track(source, cookie, user, "Product Viewed"));
        }
        if (random.nextBoolean()) {
            add(key, track(source, cookie, user, "Product Added"));
        }
        if (random.nextInt(4) == 0) {
            add(key, track(source, cookie, user, "Order Completed"));
        }
    }

    private CloudEvent track(Source source, Optional<String> cookie, Optional<String> user, String name) {
        JsonObject properties = Json.createObjectBuilder().add("product_id", sku()).add("price", 49.99)
                .add("quantity", 1).add("currency", "EUR").build();
        return CloudEvent.of(ids.next(), source, nextTime(), 0,
                new WebTrack(cookie, user, name, properties, JsonObject.EMPTY_JSON_OBJECT));
    }

    private void add(String key, CloudEvent event) {
        entries.add(new EventLog.Entry(key, codec.encode(event)));
    }

    // Events are spread one millisecond apart from the start, so the run's events sit inside actions' lifetimes.
    private Instant nextTime() {
        return start.plusMillis(clockMillis++);
    }

    private String sku() {
        return "SKU-" + (10_000 + random.nextInt(5_000));
    }

    private static final String[] CATEGORIES = {"running-shoes", "outdoor-jackets", "kids", "accessories", "yoga"};
}
