package dev.waymark.protocol;

import dev.waymark.protocol.internal.Catalog;

import java.util.Collection;
import java.util.Optional;

/**
 * The closed list of event types Waymark understands. Anything not listed here is rejected by the codec.
 */
public final class EventCatalog {

    private EventCatalog() {
    }

    /** The type with this CloudEvents {@code type} name, or empty. */
    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(Catalog.byName(type));
    }

    /** The type whose {@code data} is {@code payloadClass}; throws IllegalArgumentException for a class not listed. */
    public static EventType of(Class<? extends Payload> payloadClass) {
        EventType type = Catalog.byClass(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException("not a catalog payload: " + payloadClass.getName());
        }
        return type;
    }

    /** Every type, in catalog order (kiosk, outcome, device, web). */
    public static Collection<EventType> all() {
        return Catalog.all();
    }
}
