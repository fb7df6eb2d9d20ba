package dev.waymark.cloud.internal.identity;

import dev.waymark.protocol.CloudEvent;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.Source;
import dev.waymark.protocol.UlidGenerator;
import dev.waymark.protocol.event.LoyaltyScan;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebPage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Masked events as the pipeline sees them, for the identity and consent tests. */
public final class TestEvents {

    public static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final UlidGenerator IDS = new UlidGenerator(Clock.systemUTC(), new SecureRandom());
    private static final AtomicInteger MESSAGES = new AtomicInteger();

    private TestEvents() {
    }

    /** A device event from {@code store}/{@code device}. */
    public static CloudEvent device(String store, String device, Payload data) {
        return CloudEvent.of(IDS.next(), Source.device(store, device), AT, 1, data);
    }

    /** A kiosk loyalty scan in {@code session} with the (already tokenized) {@code loyaltyToken}. */
    public static CloudEvent loyaltyScan(String session, String loyaltyToken) {
        return device("store-1", "kiosk-1", new LoyaltyScan(session, loyaltyToken));
    }

    /** A web identify with {@code traits} (tokens by then) and {@code context}. */
    public static CloudEvent identify(String anonymousId, Optional<String> userId, Map<String, String> traits,
            JsonObject context) {
        var builder = Json.createObjectBuilder();
        traits.forEach(builder::add);
        return web(new WebIdentify(Optional.of(anonymousId), userId, builder.build(), context));
    }

    /** A web page view by {@code anonymousId} with {@code context}. */
    public static CloudEvent page(String anonymousId, JsonObject context) {
        return web(new WebPage(Optional.of(anonymousId), Optional.empty(), Optional.empty(),
                JsonObject.EMPTY_JSON_OBJECT, context));
    }

    /** A web event with a fresh message id. */
    public static CloudEvent web(Payload data) {
        return CloudEvent.of("msg-" + MESSAGES.incrementAndGet(), Source.web("wk_test"), AT, 0, data);
    }

    /** A JSON-P object from pairs, for payload contexts. */
    public static JsonObject json(Map<String, ?> fields) {
        var builder = Json.createObjectBuilder();
        fields.forEach((key, value) -> {
            if (value instanceof Boolean flag) {
                builder.add(key, flag);
            } else if (value instanceof JsonObject object) {
                builder.add(key, object);
            } else {
                builder.add(key, String.valueOf(value));
            }
        });
        return builder.build();
    }
}
