package dev.waymark.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of the {@link EventCatalog}: the CloudEvents {@code type}, the payload record it binds to, its current
 * schema version, and which fields of {@code data} hold personal data.
 *
 * @param name           the type, {@code wm.<area>.<name>}, e.g. {@code wm.kiosk.cart_add}
 * @param payloadClass   the record {@code data} binds to
 * @param schemaVersion  the current version of the payload's shape, 1 or more
 * @param personalFields JSON property names of {@code data} (dotted paths for nested ones, e.g.
 *                       {@code traits.email}) holding personal data, by kind; free text is {@code FREE_TEXT}
 */
public record EventType(String name, Class<? extends Payload> payloadClass, int schemaVersion,
                        Map<String, PersonalData> personalFields) {

    /** The prefix of every {@code dataschema} value. */
    public static final String SCHEMA_PREFIX = "wm:schema/";

    /** Validates the parts; throws IllegalArgumentException for a malformed name or a version below 1. */
    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadClass, "payloadClass");
        if (!name.matches("wm\\.[a-z]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("event type name must be wm.<area>.<name>: " + name);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more: " + schemaVersion);
        }
        personalFields = Map.copyOf(personalFields);
    }

    /** The {@code dataschema} of the current version, e.g. {@code wm:schema/wm.kiosk.cart_add/2}. */
    public String dataschema() {
        return dataschema(schemaVersion);
    }

    /** The {@code dataschema} of a given version of this type. */
    public String dataschema(int version) {
        return SCHEMA_PREFIX + name + "/" + version;
    }

    /** The area, the middle part of the name: {@code kiosk}, {@code outcome}, {@code device} or {@code web}. */
    public String area() {
        return name.substring(3, name.indexOf('.', 3));
    }
}
