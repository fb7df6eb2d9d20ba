package dev.waymark.protocol.internal;

import dev.waymark.protocol.Limits;
import dev.waymark.protocol.Rejection;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The strict JSON shape of a record, derived once per class from its components. {@link #check} finds the first
 * problem and names it by path relative to the object ({@code sku}, {@code items[2].quantity}).
 */
public final class RecordSchema {

    private static final ClassValue<RecordSchema> CACHE = new ClassValue<>() {
        @Override
        protected RecordSchema computeValue(Class<?> type) {
            return new RecordSchema(type);
        }
    };

    private final Map<String, FieldRule> fields;

    private RecordSchema(Class<?> type) {
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            rules.put(component.getName(), FieldRule.of(component.getName(), component.getGenericType()));
        }
        this.fields = Collections.unmodifiableMap(rules);
    }

    /** The schema of a record class; throws IllegalStateException for a component type the wire cannot carry. */
    public static RecordSchema of(Class<?> recordClass) {
        if (!recordClass.isRecord()) {
            throw new IllegalStateException("not a record: " + recordClass);
        }
        return CACHE.get(recordClass);
    }

    /** The first problem in {@code object}, or null when it fits; strings are bounded by {@code maxChars}. */
    public Rejection check(JsonObject object, int maxChars) {
        for (String key : object.keySet()) {
            if (!fields.containsKey(key)) {
                return Rejection.of(key, "unknown property");
            }
        }
        for (FieldRule rule : fields.values()) {
            JsonValue value = object.get(rule.name());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                if (!rule.optional()) {
                    return Rejection.of(rule.name(), value == null ? "is missing" : "must not be null");
                }
                continue;
            }
            String reason = reason(rule, value, maxChars);
            if (reason != null) {
                return Rejection.of(rule.name(), reason);
            }
            Rejection nested = nested(rule, value, maxChars);
            if (nested != null) {
                return nested.under(rule.name());
            }
        }
        return null;
    }

    private static Rejection nested(FieldRule rule, JsonValue value, int maxChars) {
        if (rule.kind() == FieldRule.Kind.RECORD) {
            return rule.nested().check(value.asJsonObject(), maxChars);
        }
        if (rule.kind() == FieldRule.Kind.LIST) {
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                FieldRule element = rule.element();
                String reason = item.getValueType() == JsonValue.ValueType.NULL
                        ? "must not be null" : reason(element, item, maxChars);
                if (reason != null) {
                    return Rejection.of("[" + i + "]", reason);
                }
                Rejection inner = nested(element, item, maxChars);
                if (inner != null) {
                    return inner.under("[" + i + "]");
                }
            }
        }
        return null;
    }

    private static String reason(FieldRule rule, JsonValue value, int maxChars) {
        JsonValue.ValueType type = value.getValueType();
        switch (rule.kind()) {
            case STRING:
                if (type != JsonValue.ValueType.STRING) {
                    return "must be a string";
                }
                return ((JsonString) value).getString().length() > maxChars
                        ? "is longer than " + maxChars + " characters" : null;
            case INT:
            case LONG:
                return integral(rule.kind(), value);
            case NUMBER:
                if (type != JsonValue.ValueType.NUMBER) {
                    return "must be a number";
                }
                return Double.isFinite(((JsonNumber) value).doubleValue()) ? null : "is out of range";
            case BOOLEAN:
                return type == JsonValue.ValueType.TRUE || type == JsonValue.ValueType.FALSE
                        ? null : "must be true or false";
            case INSTANT:
                return instant(value);
            case ENUM:
                boolean known = type == JsonValue.ValueType.STRING
                        && rule.enumValues().contains(((JsonString) value).getString());
                return known ? null : "must be one of " + String.join(", ", rule.enumValues());
            case RECORD:
            case JSON_OBJECT:
                return type == JsonValue.ValueType.OBJECT ? null : "must be a JSON object";
            case LIST:
                if (type != JsonValue.ValueType.ARRAY) {
                    return "must be a JSON array";
                }
                return value.asJsonArray().size() > Limits.MAX_LIST_ITEMS
                        ? "has more than " + Limits.MAX_LIST_ITEMS + " elements" : null;
            default:
                throw new IllegalStateException("unhandled kind " + rule.kind());
        }
    }

    private static String integral(FieldRule.Kind kind, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            return "must be an integer";
        }
        try {
            // longValueExact rejects huge magnitudes from the precision alone, without expanding them.
            long exact = ((JsonNumber) value).longValueExact();
            if (kind == FieldRule.Kind.INT && (exact < Integer.MIN_VALUE || exact > Integer.MAX_VALUE)) {
                return "is out of range";
            }
            return null;
        } catch (ArithmeticException e) {
            return "is out of range";
        }
    }

    private static String instant(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return "must be an RFC 3339 timestamp string";
        }
        try {
            Instant.parse(((JsonString) value).getString());
            return null;
        } catch (DateTimeParseException e) {
            return "must be an RFC 3339 timestamp";
        }
    }
}
