package dev.waymark.cloud.internal.decision.catalog;

import dev.waymark.decision.ActionCategory;
import dev.waymark.decision.ActionDefinition;
import dev.waymark.protocol.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The admin API's JSON of one action: the engine's fields (same names and formats as the decision bundle:
 * durations ISO-8601, instants RFC 3339, enums lower case) plus {@code title}, {@code body} and {@code currency}
 * for display. Omitted optional fields take {@link ActionDefinition#builder} defaults; title defaults to the id.
 */
public final class ActionJson {

    /** Longest title and body accepted: the protocol's string limit. */
    static final int MAX_TEXT = 2000;
    private static final Set<String> KNOWN = Set.of("id", "category", "channels", "placements", "validFrom",
            "validUntil", "value", "weight", "timeToLive", "consentPurpose", "edgeDecidable", "eligibility", "title",
            "body", "currency");
    private static final ActionDefinition DEFAULTS = ActionDefinition.builder("defaults")
            .channels(Channel.KIOSK).placements("home").build();

    private ActionJson() {
    }

    /** Reads the action at {@code path}; throws {@link InvalidField} naming the first bad field. */
    public static CatalogEntry read(String path, Object value) {
        JsonObject json = Fields.object(path, value);
        for (String name : json.fieldNames()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidField(path + "." + name, "unknown field");
            }
        }
        String id = Fields.text(path + ".id", json.getValue("id"));
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : Fields.strings(path + ".channels", json.getValue("channels"), List.of())) {
            channels.add(Channel.fromWireName(name).orElseThrow(
                    () -> new InvalidField(path + ".channels", "unknown channel '" + name + "'")));
        }
        ActionDefinition definition;
        try {
            definition = new ActionDefinition(id, category(path + ".category", json.getValue("category")), channels,
                    new LinkedHashSet<>(Fields.strings(path + ".placements", json.getValue("placements"),
                            List.of())),
                    Fields.instant(path + ".validFrom", json.getValue("validFrom"), DEFAULTS.validFrom()),
                    Fields.instant(path + ".validUntil", json.getValue("validUntil"), DEFAULTS.validUntil()),
                    Fields.number(path + ".value", json.getValue("value"), DEFAULTS.value()),
                    Fields.number(path + ".weight", json.getValue("weight"), DEFAULTS.weight()),
                    Fields.duration(path + ".timeToLive", json.getValue("timeToLive"), DEFAULTS.timeToLive()),
                    Fields.text(path + ".consentPurpose", json.getValue("consentPurpose"),
                            DEFAULTS.consentPurpose()),
                    Fields.bool(path + ".edgeDecidable", json.getValue("edgeDecidable"), false),
                    Fields.text(path + ".eligibility", json.getValue("eligibility"), DEFAULTS.eligibility()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw fromEngine(path, e);
        }
        String title = Fields.text(path + ".title", json.getValue("title"), id);
        String body = json.getValue("body") == null ? "" : textOrEmpty(path + ".body", json.getValue("body"));
        String currency = Fields.text(path + ".currency", json.getValue("currency"), "EUR");
        if (title.length() > MAX_TEXT || body.length() > MAX_TEXT) {
            throw new InvalidField(path + (title.length() > MAX_TEXT ? ".title" : ".body"),
                    "longer than " + MAX_TEXT + " characters");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidField(path + ".currency", "must be three upper-case letters (ISO 4217)");
        }
        return new CatalogEntry(definition, title, body, currency);
    }

    /** The JSON of {@code entry}; {@link #read} reads it back to an equal entry. */
    public static JsonObject write(CatalogEntry entry) {
        ActionDefinition a = entry.definition();
        JsonArray channels = new JsonArray();
        a.channels().forEach(channel -> channels.add(channel.wireName()));
        return new JsonObject().put("id", a.id()).put("category", a.category().name().toLowerCase(Locale.ROOT))
                .put("channels", channels).put("placements", new JsonArray(List.copyOf(a.placements())))
                .put("validFrom", a.validFrom().toString()).put("validUntil", a.validUntil().toString())
                .put("value", a.value()).put("weight", a.weight()).put("timeToLive", a.timeToLive().toString())
                .put("consentPurpose", a.consentPurpose()).put("edgeDecidable", a.edgeDecidable())
                .put("eligibility", a.eligibility()).put("title", entry.title()).put("body", entry.body())
                .put("currency", entry.currency());
    }

    static ActionCategory category(String path, Object value) {
        String name = Fields.text(path, value);
        for (ActionCategory category : ActionCategory.values()) {
            if (category.name().equalsIgnoreCase(name)) {
                return category;
            }
        }
        throw new InvalidField(path, "unknown category '" + name + "' (sales, care or service)");
    }

    private static String textOrEmpty(String path, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new InvalidField(path, "expected a string");
    }

    /** The engine's messages start with the field's name ("timeToLive: ..."); keep that as the path. */
    static InvalidField fromEngine(String path, RuntimeException e) {
        InvalidField relative = fromEngineMessage(e);
        return new InvalidField(relative.field().isEmpty() ? path : path + "." + relative.field(),
                relative.getMessage());
    }

    /** An engine message {@code "field: reason"} as an error on {@code field} (empty when it names none). */
    public static InvalidField fromEngineMessage(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(':');
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z/._\\[\\]0-9-]+")) {
            return new InvalidField(message.substring(0, colon), message.substring(colon + 1).trim());
        }
        return new InvalidField("", message);
    }
}
