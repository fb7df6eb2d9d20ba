package dev.waymark.cloud.internal.pipeline;

import dev.waymark.cloud.internal.decision.ProfileFacts;
import dev.waymark.journey.JourneyContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;

/** Reads of stored journey state for the APIs: the facts a decision sees, and the profile API's journey section. */
public final class JourneyReads {

    private JourneyReads() {
    }

    /** The profile's journey context; an empty one when unknown. */
    public static JourneyContext context(Connection c, String profileId) throws SQLException {
        return JourneyStore.read(c, profileId).orElseGet(() -> JourneyContext.empty(profileId));
    }

    /** The profile API's {@code journey} section: stage, facts, cart, open service journeys, recent activities. */
    public static JsonObject section(Connection c, String profileId) throws SQLException {
        JourneyContext context = JourneyStore.read(c, profileId).orElseGet(() -> JourneyContext.empty(profileId));
        JsonArray recent = new JsonArray();
        context.recent().forEach(r -> recent.add(new JsonObject().put("activity", r.activity().name().toLowerCase(
                Locale.ROOT)).put("channel", r.channel().wireName()).put("at", r.at().toString())
                .put("eventId", r.eventId()).put("category", r.category())));
        JsonArray cart = new JsonArray();
        context.cart().forEach(l -> cart.add(new JsonObject().put("sku", l.sku()).put("category", l.category())
                .put("quantity", l.quantity()).put("unitPrice", l.unitPrice())));
        JsonArray service = new JsonArray();
        context.serviceJourneys().forEach(j -> service.add(new JsonObject().put("id", j.id()).put("topic", j.topic())
                .put("channel", j.channel().wireName()).put("openedAt", j.openedAt().toString())));
        JsonArray channels = new JsonArray(ProfileFacts.channels(context));
        return new JsonObject().put("stage", context.stage().name().toLowerCase(Locale.ROOT))
                .put("asOf", context.asOf().toString()).put("channels", channels)
                .put("facts", new JsonObject(new LinkedHashMap<>(context.facts())))
                .put("cart", cart).put("serviceJourneys", service).put("recent", recent);
    }
}
