package dev.waymark.journey;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.Ulid;
import dev.waymark.protocol.event.CartAdd;
import dev.waymark.protocol.event.CartRemove;
import dev.waymark.protocol.event.CheckoutStart;
import dev.waymark.protocol.event.LineItem;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.ProductView;
import dev.waymark.protocol.event.Purchase;
import dev.waymark.protocol.event.Search;
import dev.waymark.protocol.event.ServiceRequest;
import dev.waymark.protocol.event.SessionEnd;
import dev.waymark.protocol.event.SessionStart;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds kiosk events with increasing sequence numbers and times, for engine tests. */
final class Events {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final Source source;
    private final String session;
    private long sequence;

    Events(String device, String session) {
        this.source = Source.device("store-1", device);
        this.session = session;
    }

    static Instant minutes(double m) {
        return T0.plus(Duration.ofMillis(Math.round(m * 60_000)));
    }

    /** The next event of this kiosk at {@code at}; ids are ULIDs made from time and sequence. */
    CloudEvent next(Instant at, Payload data) {
        sequence++;
        return at(sequence, at, data);
    }

    /** An event with an explicit sequence number, for replay and ordering tests. */
    CloudEvent at(long seq, Instant at, Payload data) {
        return CloudEvent.of(Ulid.of(at.toEpochMilli(), 7, seq), source, at, seq, data);
    }

    CloudEvent start(Instant at) {
        return next(at, new SessionStart(session, "en-GB"));
    }

    CloudEvent end(Instant at) {
        return next(at, new SessionEnd(session, "timeout", 60_000));
    }

    CloudEvent view(Instant at, String sku, String category) {
        return next(at, new ProductView(session, sku, category, 1999, "EUR"));
    }

    CloudEvent cartAdd(Instant at, String sku, String category) {
        return next(at, new CartAdd(session, sku, category, 1, 1999, "EUR"));
    }

    CloudEvent cartRemove(Instant at, String sku) {
        return next(at, new CartRemove(session, sku, "shoes", 1, 1999, "EUR"));
    }

    CloudEvent checkout(Instant at) {
        return next(at, new CheckoutStart(session, 1, 1999, "EUR"));
    }

    CloudEvent purchase(Instant at, String sku) {
        return next(at, new Purchase(session, "order-" + sequence, 1999, "EUR", List.of(new LineItem(sku, 1, 1999))));
    }

    CloudEvent search(Instant at, int results) {
        return next(at, new Search(session, Optional.of("red shoes"), results));
    }

    CloudEvent serviceRequest(Instant at, String topic) {
        return next(at, new ServiceRequest(session, topic, Optional.empty()));
    }

    CloudEvent loyaltyScan(Instant at) {
        return next(at, new LoyaltyScan(session, "tok:k1:member-7"));
    }

    /** A web track call (sequence 0) with Segment-style properties. */
    static CloudEvent webTrack(String id, Instant at, String event, JsonObject properties) {
        WebTrack track = new WebTrack(Optional.of("anon-1"), Optional.empty(), event, properties,
                Json.createObjectBuilder().build());
        return CloudEvent.of(id, Source.web("wk-shop"), at, 0, track);
    }
}
