package dev.waymark.cloud.internal.crm;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Maps a {@link CrmMessage} onto a CRM record's fields: each field names a path into the message ({@code type},
 * {@code profileId}, {@code occurredAt}, {@code id} or {@code data.<name>}). A path the message lacks leaves its
 * field out; an object or array value is written as its JSON text.
 */
final class FieldMapping {

    private FieldMapping() {
    }

    /** The record of {@code message} under {@code fields} (field name to path). */
    static JsonObject apply(Map<String, String> fields, CrmMessage message) {
        JsonObject json = message.json();
        JsonObject record = new JsonObject();
        fields.forEach((field, path) -> {
            Object value = value(json, path);
            if (value instanceof JsonObject || value instanceof JsonArray) {
                record.put(field, value.toString());
            } else if (value != null) {
                record.put(field, value);
            }
        });
        return record;
    }

    /** Throws IllegalArgumentException naming {@code key} when {@code path} is not one a message has. */
    static void requirePath(String key, String path) {
        if (path == null || !(path.equals("id") || path.equals("type") || path.equals("profileId")
                || path.equals("occurredAt") || path.matches("data\\.[A-Za-z0-9_]+"))) {
            throw new IllegalArgumentException(key + ": must be id, type, profileId, occurredAt or data.<name>, got "
                    + path);
        }
    }

    private static Object value(JsonObject json, String path) {
        if (path.startsWith("data.")) {
            return json.getJsonObject("data").getValue(path.substring("data.".length()));
        }
        return json.getValue(path);
    }
}
