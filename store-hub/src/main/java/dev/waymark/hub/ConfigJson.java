package dev.waymark.hub;

import io.vertx.core.json.JsonObject;

/** Reads dotted keys ({@code listen.port}) from the hub's JSON configuration, naming the key on every error. */
final class ConfigJson {

    private ConfigJson() {
    }

    static String required(JsonObject json, String key) {
        Object value = find(json, key);
        if (value == null) {
            throw new IllegalArgumentException(key + ": is required");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(key + ": must be a non-empty string");
        }
        return text;
    }

    static String text(JsonObject json, String key, String fallback) {
        return find(json, key) == null ? fallback : required(json, key);
    }

    static int integer(JsonObject json, String key, int fallback) {
        Object value = find(json, key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != number.intValue()) {
            throw new IllegalArgumentException(key + ": must be an integer");
        }
        return number.intValue();
    }

    static boolean bool(JsonObject json, String key, boolean fallback) {
        Object value = find(json, key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException(key + ": must be true or false");
        }
        return flag;
    }

    private static Object find(JsonObject json, String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return json.getValue(key);
        }
        Object section = json.getValue(key.substring(0, dot));
        if (section == null) {
            return null;
        }
        if (!(section instanceof JsonObject object)) {
            throw new IllegalArgumentException(key.substring(0, dot) + ": must be an object");
        }
        Object value = object.getValue(key.substring(dot + 1));
        return value;
    }
}
