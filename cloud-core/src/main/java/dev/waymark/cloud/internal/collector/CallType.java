package dev.waymark.cloud.internal.collector;

import dev.waymark.protocol.Decoded;
import dev.waymark.protocol.EventCatalog;
import dev.waymark.protocol.EventType;
import dev.waymark.protocol.Payload;
import dev.waymark.protocol.event.WebAlias;
import dev.waymark.protocol.event.WebIdentify;
import dev.waymark.protocol.event.WebPage;
import dev.waymark.protocol.event.WebScreen;
import dev.waymark.protocol.event.WebTrack;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Segment calls the collector takes, each with the protocol event it becomes and the call fields copied into
 * that event's {@code data}. Fields of a call that the event has no place for ({@code integrations},
 * {@code channel}, {@code version}, ...) are ignored, as Segment ignores what it does not use.
 */
enum CallType {
    TRACK("track", WebTrack.class, List.of("anonymousId", "userId", "event"), List.of("properties"), true),
    IDENTIFY("identify", WebIdentify.class, List.of("anonymousId", "userId"), List.of("traits"), true),
    PAGE("page", WebPage.class, List.of("anonymousId", "userId", "name"), List.of("properties"), true),
    SCREEN("screen", WebScreen.class, List.of("anonymousId", "userId", "name"), List.of("properties"), true),
    ALIAS("alias", WebAlias.class, List.of("previousId", "userId"), List.of(), false);

    private static final JsonProvider JSON = JsonProvider.provider();

    private final String callName;
    private final EventType eventType;
    private final List<String> strings;
    private final List<String> objects;
    private final boolean hasContext;

    CallType(String callName, Class<? extends Payload> payload, List<String> strings,
             List<String> objects, boolean hasContext) {
        this.callName = callName;
        this.eventType = EventCatalog.of(payload);
        this.strings = strings;
        this.objects = objects;
        this.hasContext = hasContext;
    }

    /** The call type named as in Segment's {@code type} field and URL path, or empty. */
    static Optional<CallType> byName(String name) {
        return Arrays.stream(values()).filter(call -> call.callName.equals(name)).findFirst();
    }

    /** Segment's name of the call: {@code track}, {@code identify}, ... */
    String callName() {
        return callName;
    }

    /** The protocol event type the call becomes. */
    EventType eventType() {
        return eventType;
    }

    /** True when the event carries a {@code context} (every call but alias). */
    boolean hasContext() {
        return hasContext;
    }

    /** The event's {@code data} from the call's fields and the prepared {@code context}; refusals name the field. */
    Decoded<JsonObject> data(JsonObject message, JsonObject context) {
        JsonObjectBuilder data = JSON.createObjectBuilder();
        for (String name : strings) {
            Decoded<Optional<String>> value = MessageFields.string(message, name);
            if (!value.isAccepted()) {
                return value.map(v -> JsonValue.EMPTY_JSON_OBJECT);
            }
            value.orElseThrow().ifPresent(text -> data.add(name, text));
        }
        for (String name : objects) {
            Decoded<JsonObject> value = MessageFields.object(message, name);
            if (!value.isAccepted()) {
                return value;
            }
            data.add(name, this == PAGE ? withCategory(value.orElseThrow(), message) : value.orElseThrow());
        }
        if (hasContext) {
            data.add("context", context);
        }
        return Decoded.accepted(data.build());
    }

    // Segment's page call has a top-level category; our page event keeps it among the properties.
    private static JsonObject withCategory(JsonObject properties, JsonObject message) {
        JsonValue category = message.get("category");
        if (!(category instanceof JsonString) || properties.containsKey("category")) {
            return properties;
        }
        return JSON.createObjectBuilder(properties).add("category", category).build();
    }
}
