package dev.waymark.cloud;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A value inside a JSON answer by a dotted path with indexes ({@code actions[0].id}); "" is the whole object. */
final class JsonPath {

    private JsonPath() {
    }

    /** The value at {@code path}, or null when there is none. */
    static Object of(JsonObject json, String path) {
        Object at = json;
        if (path.isEmpty()) {
            return at;
        }
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            at = at instanceof JsonObject object ? object.getValue(name) : null;
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                at = at instanceof JsonArray array && index < array.size() ? array.getValue(index) : null;
            }
        }
        return at;
    }
}
