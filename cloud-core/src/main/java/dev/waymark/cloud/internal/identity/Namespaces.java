package dev.waymark.cloud.internal.identity;

import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured identifier namespaces. Defaults: {@code crm} unique 100, {@code loyalty} unique 90, {@code email}
 * 70, {@code phone} 60, {@code app} 50, {@code cookie} 30, {@code kiosk_session} 10. The settings object
 * {@value #KEY} overrides or adds entries: {@code {"crm": {"priority": 100, "unique": true}, ...}}.
 */
public final class Namespaces {

    /** The settings key, under the {@code identity} section. */
    public static final String KEY = "identity.namespaces";

    private static final List<Namespace> DEFAULTS = List.of(
            new Namespace("crm", 100, true),
            new Namespace("loyalty", 90, true),
            new Namespace("email", 70, false),
            new Namespace("phone", 60, false),
            new Namespace("app", 50, false),
            new Namespace("cookie", 30, false),
            new Namespace("kiosk_session", 10, false));
    private static final Set<String> ENTRY_KEYS = Set.of("priority", "unique");

    private final Map<String, Namespace> byName;

    private Namespaces(Map<String, Namespace> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The defaults of the class comment. */
    public static Namespaces defaults() {
        return fromSettings(new JsonObject());
    }

    /**
     * The defaults with {@code namespaces} (the value of {@value #KEY}) applied; throws IllegalArgumentException
     * naming the key, e.g. {@code identity.namespaces.crm.priority}, when an entry is malformed.
     */
    public static Namespaces fromSettings(JsonObject namespaces) {
        Map<String, Namespace> byName = new LinkedHashMap<>();
        DEFAULTS.forEach(namespace -> byName.put(namespace.name(), namespace));
        for (String name : namespaces.fieldNames()) {
            byName.put(name, entry(name, namespaces.getValue(name), byName.get(name)));
        }
        return new Namespaces(byName);
    }

    private static Namespace entry(String name, Object value, Namespace fallback) {
        String key = KEY + "." + name;
        if (!(value instanceof JsonObject entry)) {
            throw new IllegalArgumentException(key + ": must be an object {\"priority\": n, \"unique\": bool}");
        }
        for (String field : entry.fieldNames()) {
            if (!ENTRY_KEYS.contains(field)) {
                throw new IllegalArgumentException(key + "." + field + ": unknown setting (priority, unique)");
            }
        }
        Object priority = entry.getValue("priority", fallback == null ? null : fallback.priority());
        Object unique = entry.getValue("unique", fallback != null && fallback.unique());
        if (!(priority instanceof Integer || priority instanceof Long)) {
            throw new IllegalArgumentException(key + ".priority: must be a whole number 0 to "
                    + Namespace.MAX_PRIORITY);
        }
        if (!(unique instanceof Boolean)) {
            throw new IllegalArgumentException(key + ".unique: must be true or false");
        }
        long number = ((Number) priority).longValue();
        if (number < 0 || number > Namespace.MAX_PRIORITY) {
            throw new IllegalArgumentException(key + ".priority: must be 0 to " + Namespace.MAX_PRIORITY);
        }
        try {
            return new Namespace(name, (int) number, (Boolean) unique);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** The namespace called {@code name}, if configured. */
    public Optional<Namespace> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The namespace called {@code name}; throws IllegalArgumentException naming it when it is not configured. */
    public Namespace require(String name) {
        Namespace namespace = byName.get(name);
        if (namespace == null) {
            throw new IllegalArgumentException("identifiers: unknown namespace '" + name + "' (known: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        return namespace;
    }

    /** Every configured namespace. */
    public Collection<Namespace> all() {
        return byName.values();
    }
}
