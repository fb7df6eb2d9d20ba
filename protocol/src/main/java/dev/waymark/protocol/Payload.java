package dev.waymark.protocol;

/**
 * Marker for the {@code data} of a {@link CloudEvent}: every payload record in {@code dev.waymark.protocol.event}
 * implements it, and {@link EventCatalog} maps each implementation to exactly one {@link EventType}.
 *
 * <p>Not sealed only because the records live in a sibling package of an unnamed module; the catalog is the
 * closed list.
 */
public interface Payload {
}
