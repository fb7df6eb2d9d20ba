package dev.waymark.benchmarks;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.EventCodec;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.Feedback;
import dev.waymark.protocol.event.LineItem;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.Search;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A realistic mix of one kiosk session's events: browsing, a search, cart adds, a loyalty scan, feedback typed by the
 * shopper, a purchase.
 */
public final class KioskEvents {

    private KioskEvents() {
    }

    /** {@code size} events of one session, deterministic. */
    public static List<CloudEvent> session(int size) {
        Instant start = Instant.parse("2026-11-23T10:15:00Z");
        UlidGenerator ids = new UlidGenerator(Clock.fixed(start, ZoneOffset.UTC), new SplittableRandom(7));
        Source kiosk = Source.device("store-0042", "kiosk-07");
        String session = "ks_01JD8Q2W4M";
        List<CloudEvent> events = new ArrayList<>(size);
        List<String> comments = FreeText.sample(size, 11);
        for (int i = 0; i < size; i++) {
            Instant at = start.plusSeconds(7L * i);
            events.add(CloudEvent.of(ids.next(), kiosk, at, i + 1, payload(i, session, comments.get(i))));
        }
        return events;
    }

    /** The events as the codec writes them. */
    public static List<byte[]> encoded(List<CloudEvent> events) {
        EventCodec codec = EventCodec.create();
        return events.stream().map(codec::encode).toList();
    }

    private static Payload payload(int i, String session, String comment) {
        String sku = "SKU-" + (10_000 + i * 37 % 500);
        return switch (i % 9) {
            case 0, 1, 2 -> new ProductView(session, sku, "running-shoes", 12_999, "EUR");
            case 3 -> new Search(session, Optional.empty(), 14);
            case 4, 5 -> new CartAdd(session, sku, "running-shoes", 1 + i % 2, 12_999, "EUR");
            case 6 -> new LoyaltyScan(session, "6012 4410 7731 " + (1000 + i));
            case 7 -> new Feedback(session, 1 + i % 5, Optional.of(comment));
            default -> new Purchase(session, "ORD-" + (900_000 + i), 38_997, "EUR", List.of(
                    new LineItem(sku, 2, 12_999), new LineItem("SKU-10411", 1, 12_999)));
        };
    }
}
