package dev.waymark.cloud.internal.decision;

import dev.waymark.cloud.internal.decision.catalog.Fields;
import dev.waymark.cloud.internal.decision.catalog.InvalidField;
import dev.waymark.cloud.internal.identity.Identifier;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request body of {@code POST /v1/decisions} (and {@code /simulate}, which adds {@code journey}, {@code profile}
 * and {@code catalog}): {@code {"identifiers": [{"namespace", "id"}] | "profileId", "channel", "placement",
 * "context": {}, "store"}}.
 */
public record DecisionAsk(List<Identifier> identifiers, Optional<String> profileId, Channel channel,
        String placement, Map<String, Object> context, Optional<String> store, Map<String, Object> journey,
        Map<String, Object> profile, Optional<JsonObject> catalog) {

    /** Most identifiers one request may carry. */
    static final int MAX_IDENTIFIERS = 20;
    private static final Set<String> FIELDS = Set.of("identifiers", "profileId", "channel", "placement", "context",
            "store");
    private static final Set<String> SIMULATION_FIELDS = Set.of("journey", "profile", "catalog");

    /** Reads a body; {@code simulation} admits the simulation's extra fields. Throws {@link InvalidField}. */
    public static DecisionAsk read(JsonObject body, boolean simulation) {
        for (String name : body.fieldNames()) {
            if (!FIELDS.contains(name) && !(simulation && SIMULATION_FIELDS.contains(name))) {
                throw new InvalidField(name, "unknown field");
            }
        }
        List<Identifier> identifiers = identifiers(body.getValue("identifiers"));
        Optional<String> profileId = Optional.ofNullable(body.getValue("profileId") == null ? null
                : bounded("profileId", Fields.text("profileId", body.getValue("profileId"))));
        if (identifiers.isEmpty() && profileId.isEmpty()) {
            throw new InvalidField("identifiers", "give identifiers or a profileId");
        }
        String channelName = Fields.text("channel", body.getValue("channel"));
        Channel channel = Channel.fromWireName(channelName)
                .orElseThrow(() -> new InvalidField("channel", "unknown channel (kiosk, web, app, push, sms, email)"));
        String placement = bounded("placement", Fields.text("placement", body.getValue("placement")));
        Optional<String> store = Optional.ofNullable(body.getValue("store") == null ? null
                : bounded("store", Fields.text("store", body.getValue("store"))));
        Optional<JsonObject> catalog = Optional.ofNullable(body.getValue("catalog") == null ? null
                : Fields.object("catalog", body.getValue("catalog")));
        return new DecisionAsk(identifiers, profileId, channel, placement, facts("context", body.getValue("context")),
                store, facts("journey", body.getValue("journey")), facts("profile", body.getValue("profile")),
                catalog);
    }

    private static List<Identifier> identifiers(Object value) {
        List<Identifier> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        JsonArray array = Fields.array("identifiers", value);
        if (array.size() > MAX_IDENTIFIERS) {
            throw new InvalidField("identifiers", "more than " + MAX_IDENTIFIERS);
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "identifiers[" + i + "]";
            JsonObject id = Fields.object(path, array.getValue(i));
            out.add(new Identifier(bounded(path + ".namespace", Fields.text(path + ".namespace",
                    id.getValue("namespace"))), bounded(path + ".id", Fields.text(path + ".id", id.getValue("id")))));
        }
        return out;
    }

    private static String bounded(String path, String text) {
        if (text.length() > 200) {
            throw new InvalidField(path, "longer than 200 characters");
        }
        return text;
    }

    /** A JSON object as plain maps and lists, as the engine's fact maps want them. */
    static Map<String, Object> facts(String path, Object value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Fields.object(path, value).forEach(e -> out.put(e.getKey(), plain(path + "." + e.getKey(), e.getValue())));
        return out;
    }

    private static Object plain(String path, Object value) {
        if (value instanceof JsonObject object) {
            return facts(path, object);
        }
        if (value instanceof JsonArray array) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(plain(path + "[" + i + "]", array.getValue(i)));
            }
            return items;
        }
        if (value == null) {
            throw new InvalidField(path, "is null (leave the key out instead)");
        }
        return value;
    }
}
