package dev.waymark.journey.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Strict field access over JSON-P objects that reports problems as (field, reason) pairs instead of throwing. */
public final class JsonReading {

    private JsonReading() {
    }

    /** Parses a whole document; a syntax error becomes the reason passed to {@code problem}. */
    public static Optional<JsonValue> parse(String json, BiConsumer<String, String> problem) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return Optional.of(reader.readValue());
        } catch (JsonException | IllegalStateException e) {
            problem.accept("", "not valid JSON: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A required string field. */
    public static Optional<String> string(JsonObject o, String field, BiConsumer<String, String> problem) {
        JsonValue v = o.get(field);
        if (v == null) {
            problem.accept(field, "is required");
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            problem.accept(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(s.getString());
    }

    /** A required integral number that fits an int. */
    public static Optional<Integer> integer(JsonObject o, String field, BiConsumer<String, String> problem) {
        JsonValue v = o.get(field);
        if (v == null) {
            problem.accept(field, "is required");
            return Optional.empty();
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            problem.accept(field, "must be an integer");
            return Optional.empty();
        }
        try {
            return Optional.of(n.intValueExact());
        } catch (ArithmeticException e) {
            problem.accept(field, "is out of range");
            return Optional.empty();
        }
    }

    /** An optional boolean field with a default. */
    public static boolean bool(JsonObject o, String field, boolean dflt, BiConsumer<String, String> problem) {
        JsonValue v = o.get(field);
        if (v == null) {
            return dflt;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v != JsonValue.FALSE) {
            problem.accept(field, "must be true or false");
        }
        return false;
    }

    /** Reports every field of {@code o} that is not in {@code allowed}, so typos never pass silently. */
    public static void onlyFields(JsonObject o, Set<String> allowed, BiConsumer<String, String> problem) {
        List<String> unknown = new ArrayList<>();
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                unknown.add(key);
            }
        }
        unknown.stream().sorted().forEach(key -> problem.accept(key, "unknown field"));
    }
}
