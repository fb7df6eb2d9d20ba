package dev.waymark.protocol;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;

/** A valid cart_add event as JSON, edited one attribute or data field at a time. */
final class EventJson {

    private final JsonObject event;

    private EventJson(JsonObject event) {
        this.event = event;
    }

    static EventJson cartAdd() {
        JsonObject data = Json.createObjectBuilder()
                .add("sessionId", "sess-9f2c").add("sku", "SKU-88412").add("category", "running-shoes")
                .add("quantity", 1).add("unitPrice", 12999).add("currency", "EUR").build();
        return new EventJson(Json.createObjectBuilder()
                .add("specversion", "1.0")
                .add("id", Samples.ULID)
                .add("source", "wm:/s/store-042/d/kiosk-07")
                .add("type", "wm.kiosk.cart_add")
                .add("time", "2026-11-23T10:15:02.123+01:00")
                .add("datacontenttype", "application/json")
                .add("dataschema", "wm:schema/wm.kiosk.cart_add/2")
                .add("wmseq", 41)
                .add("data", data).build());
    }

    EventJson with(String attribute, JsonValue value) {
        return new EventJson(Json.createObjectBuilder(event).add(attribute, value).build());
    }

    EventJson with(String attribute, String value) {
        return with(attribute, Json.createValue(value));
    }

    EventJson without(String attribute) {
        return new EventJson(Json.createObjectBuilder(event).remove(attribute).build());
    }

    EventJson withData(String field, JsonValue value) {
        return with("data", Json.createObjectBuilder(event.getJsonObject("data")).add(field, value).build());
    }

    EventJson withData(String field, String value) {
        return withData(field, Json.createValue(value));
    }

    EventJson withoutData(String field) {
        JsonObjectBuilder data = Json.createObjectBuilder(event.getJsonObject("data")).remove(field);
        return with("data", data.build());
    }

    JsonObject json() {
        return event;
    }

    byte[] bytes() {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
