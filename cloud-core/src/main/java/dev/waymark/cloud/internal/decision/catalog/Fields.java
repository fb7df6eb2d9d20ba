package dev.waymark.cloud.internal.decision.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of JSON fields that fail with an {@link InvalidField} naming the path. */
public final class Fields {

    private Fields() {
    }

    /** The object at {@code path}; fails when it is something else. */
    public static JsonObject object(String path, Object value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new InvalidField(path, "expected an object");
    }

    /** The array at {@code path}. */
    public static JsonArray array(String path, Object value) {
        if (value instanceof JsonArray array) {
            return array;
        }
        throw new InvalidField(path, "expected an array");
    }

    /** Non-blank text at {@code path}. */
    public static String text(String path, Object value) {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new InvalidField(path, value == null ? "is required" : "expected a non-empty string");
    }

    /** Text at {@code path}, or {@code fallback} when absent. */
    public static String text(String path, Object value, String fallback) {
        return value == null ? fallback : text(path, value);
    }

    /** A finite number at {@code path}, or {@code fallback} when absent. */
    public static double number(String path, Object value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw new InvalidField(path, "expected a number");
    }

    /** A whole number at {@code path}, or {@code fallback} when absent. */
    public static long whole(String path, Object value, long fallback) {
        double number = number(path, value, fallback);
        if (number != Math.rint(number) || Math.abs(number) > 1e15) {
            throw new InvalidField(path, "expected a whole number");
        }
        return (long) number;
    }

    /** A boolean at {@code path}, or {@code fallback} when absent. */
    public static boolean bool(String path, Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new InvalidField(path, "expected true or false");
    }

    /** A list of strings at {@code path}, or {@code fallback} when absent. */
    public static List<String> strings(String path, Object value, List<String> fallback) {
        if (value == null) {
            return fallback;
        }
        JsonArray array = array(path, value);
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(text(path + "[" + i + "]", array.getValue(i)));
        }
        return out;
    }

    /** An ISO-8601 duration ({@code PT15M}) at {@code path}, or {@code fallback} when absent. */
    public static Duration duration(String path, Object value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        String text = text(path, value);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField(path, "not an ISO-8601 duration such as PT15M: " + text);
        }
    }

    /** An RFC 3339 instant at {@code path}, or {@code fallback} when absent. */
    public static Instant instant(String path, Object value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        String text = text(path, value);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField(path, "not an RFC 3339 instant: " + text);
        }
    }
}
