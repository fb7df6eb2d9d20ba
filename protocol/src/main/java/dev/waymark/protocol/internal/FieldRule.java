package dev.waymark.protocol.internal;

import jakarta.json.JsonObject;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The wire rule of one record component, derived from its Java type so the schema can never drift from the
 * record: String is a JSON string, int/long integral numbers in range, double/BigDecimal any finite number,
 * Instant an RFC 3339 string, an enum one of its lower-case names, a record a nested object, List an array,
 * JsonObject any object, Optional an absent (or null) value.
 */
record FieldRule(String name, Kind kind, boolean optional, List<String> enumValues, RecordSchema nested,
                 FieldRule element) {

    enum Kind { STRING, INT, LONG, NUMBER, BOOLEAN, INSTANT, ENUM, RECORD, LIST, JSON_OBJECT }

    static FieldRule of(String name, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            FieldRule inner = of(name, p.getActualTypeArguments()[0]);
            return new FieldRule(name, inner.kind, true, inner.enumValues, inner.nested, inner.element);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            FieldRule element = of(name, p.getActualTypeArguments()[0]);
            return new FieldRule(name, Kind.LIST, false, List.of(), null, element);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalStateException("unsupported component type " + type + " of " + name);
        }
        return new FieldRule(name, kindOf(c, name), false, enumValues(c),
                c.isRecord() ? RecordSchema.of(c) : null, null);
    }

    private static Kind kindOf(Class<?> c, String name) {
        if (c == String.class) {
            return Kind.STRING;
        } else if (c == int.class) {
            return Kind.INT;
        } else if (c == long.class || c == Long.class) {
            return Kind.LONG;
        } else if (c == double.class || c == BigDecimal.class) {
            return Kind.NUMBER;
        } else if (c == boolean.class) {
            return Kind.BOOLEAN;
        } else if (c == Instant.class) {
            return Kind.INSTANT;
        } else if (c.isEnum()) {
            return Kind.ENUM;
        } else if (c.isRecord()) {
            return Kind.RECORD;
        } else if (c == JsonObject.class) {
            return Kind.JSON_OBJECT;
        }
        throw new IllegalStateException("unsupported component type " + c + " of " + name);
    }

    private static List<String> enumValues(Class<?> c) {
        if (!c.isEnum()) {
            return List.of();
        }
        return Arrays.stream(c.getEnumConstants())
                .map(e -> wireName((Enum<?>) e))
                .toList();
    }

    /** The wire spelling of an enum constant: its name in lower case. */
    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
