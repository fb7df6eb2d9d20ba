package dev.waymark.decision.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of fact maps in the value types CEL evaluates: long, double, string, bool, list, map. */
public final class Facts {

    private Facts() {
    }

    /**
     * Copies {@code facts}, widening int/short/byte to long and float to double (CEL has only int64 and double).
     *
     * @throws IllegalArgumentException naming {@code field} and the key when a key or value is null or of a type
     *                                  CEL cannot read
     */
    public static Map<String, Object> copy(String field, Map<String, ?> facts) {
        if (facts == null) {
            throw new IllegalArgumentException(field + ": is null (use an empty map)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : facts.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException(field + ": null key");
            }
            out.put(entry.getKey(), value(field + "." + entry.getKey(), entry.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object value(String path, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + ": map keys must be strings");
                }
                nested.put(key, value(path + "." + key, entry.getValue()));
            }
            return Collections.unmodifiableMap(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                items.add(value(path + "[" + i + "]", list.get(i)));
            }
            return Collections.unmodifiableList(items);
        }
        if (value == null) {
            throw new IllegalArgumentException(path + ": is null (leave the key out instead)");
        }
        throw new IllegalArgumentException(path + ": unsupported type " + value.getClass().getSimpleName());
    }
}
