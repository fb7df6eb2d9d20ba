package dev.waymark.journey.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a dotted path ({@code "resultCount"}, {@code "properties.category"}) out of a payload record: record
 * components by name, {@code Optional}s unwrapped, JSON objects by member. Values come back as canonical text
 * (numbers without trailing zeros), so a mapping can compare them with one {@code equals}.
 */
public final class FieldPath {

    private FieldPath() {
    }

    /** True when the record class has a component named like the path's first segment. */
    public static boolean startsWithComponent(Class<?> recordClass, String path) {
        String first = path.split("\\.", -1)[0];
        RecordComponent[] components = recordClass.getRecordComponents();
        if (components == null) {
            return false;
        }
        for (RecordComponent c : components) {
            if (c.getName().equals(first)) {
                return true;
            }
        }
        return false;
    }

    /** The value at the path as text, or empty when any segment is missing. */
    public static Optional<String> text(Object root, String path) {
        return value(root, path).flatMap(FieldPath::canonical);
    }

    /** The raw value at the path, or empty when any segment is missing. */
    public static Optional<Object> value(Object root, String path) {
        Object current = root;
        for (String segment : path.split("\\.", -1)) {
            current = unwrap(current);
            if (current == null) {
                return Optional.empty();
            }
            if (current instanceof JsonObject json) {
                current = json.get(segment);
            } else if (current.getClass().isRecord()) {
                current = component(current, segment);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(unwrap(current));
    }

    private static Object unwrap(Object value) {
        Object v = value;
        while (v instanceof Optional<?> o) {
            v = o.orElse(null);
        }
        return v == JsonValue.NULL ? null : v;
    }

    private static Object component(Object record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Canonical text of a scalar: strings as is, numbers as plain decimals, booleans as true/false. */
    public static Optional<String> canonical(Object value) {
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (value instanceof JsonNumber n) {
            return Optional.of(plain(n.bigDecimalValue()));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(Long.toString(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            return Optional.of(plain(BigDecimal.valueOf(((Number) value).doubleValue())));
        }
        if (value instanceof Boolean || value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(String.valueOf(value == JsonValue.TRUE || Boolean.TRUE.equals(value)));
        }
        if (value instanceof Enum<?> e) {
            return Optional.of(e.name().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
