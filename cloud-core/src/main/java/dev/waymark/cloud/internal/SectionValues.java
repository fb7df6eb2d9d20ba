package dev.waymark.cloud.internal;

import io.vertx.core.json.JsonObject;

/**
 * Typed reads of one section of the cloud's configuration file; a value of the wrong type throws an
 * IllegalArgumentException naming its full key, e.g. {@code gateway.port: must be an integer}.
 */
public final class SectionValues {

    private final JsonObject section;
    private final String prefix;

    /** Reads {@code section}, whose keys are reported as {@code prefix.key}. */
    public SectionValues(JsonObject section, String prefix) {
        this.section = section;
        this.prefix = prefix;
    }

    /** The string at {@code name}, or {@code fallback} when absent. */
    public String text(String name, String fallback) {
        Object value = section.getValue(name, fallback);
        require(value instanceof String, name, "must be a string");
        return (String) value;
    }

    /** The integer at {@code name}, or {@code fallback} when absent; a number beyond int's range is refused. */
    public int integer(String name, int fallback) {
        Object value = section.getValue(name, fallback);
        require(value instanceof Integer || value instanceof Long && (Long) value == ((Long) value).intValue(),
                name, "must be an integer");
        return ((Number) value).intValue();
    }

    /** Throws IllegalArgumentException {@code prefix.name: message} unless {@code ok}. */
    public void require(boolean ok, String name, String message) {
        if (!ok) {
            throw new IllegalArgumentException(prefix + "." + name + ": " + message);
        }
    }
}
